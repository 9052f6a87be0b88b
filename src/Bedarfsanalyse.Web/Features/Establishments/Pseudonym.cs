using System.Security.Cryptography;

namespace Bedarfsanalyse.Web.Features.Establishments;

/// <summary>
/// An establishment's pseudonym, e.g. "B-7K3Q9X": random, so it cannot be derived from the name or anything else,
/// and stable, because it is stored once.
/// </summary>
public static class Pseudonym
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New() =>
        "B-" + new string(Enumerable.Range(0, 6).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray());
}
