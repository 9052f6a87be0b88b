using System.Security.Cryptography;

namespace Bedarfsanalyse.Web.Features.Users;

/// <summary>A one-time password to hand over once (about 80 bits, no characters that are easily mixed up).</summary>
public static class OneTimePassword
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static string New()
    {
        var groups = Enumerable.Range(0, 4)
            .Select(_ => new string(Enumerable.Range(0, 4).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray()));
        return string.Join('-', groups);
    }
}
