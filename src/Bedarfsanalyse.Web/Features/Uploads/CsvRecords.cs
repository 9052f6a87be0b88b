using System.Text;

namespace Bedarfsanalyse.Web.Features.Uploads;

/// <summary>Splits CSV text into records (RFC 4180: quoted fields may hold delimiters, quotes as "" and line breaks).</summary>
public static class CsvRecords
{
    public static IEnumerable<List<string>> Parse(string text, char delimiter)
    {
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0 && !fieldStarted)
            {
                quoted = true;
                fieldStarted = true;
            }
            else if (c == delimiter)
            {
                record.Add(field.ToString());
                field.Clear();
                fieldStarted = false;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                record.Add(field.ToString());
                yield return record;
                record = [];
                field.Clear();
                fieldStarted = false;
            }
            else
            {
                field.Append(c);
                fieldStarted = true;
            }
        }

        if (field.Length > 0 || record.Count > 0 || fieldStarted)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }
}
