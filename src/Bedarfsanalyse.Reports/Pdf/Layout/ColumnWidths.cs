namespace Bedarfsanalyse.Reports.Pdf.Layout;

/// <summary>
/// Splits a table's width among its columns. Each column wants its widest cell on one line and needs at
/// least its longest word. Room left over goes to the columns by weight; room that is missing is taken from
/// the columns that can wrap, again by weight.
/// </summary>
internal static class ColumnWidths
{
    public static float[] Compute(IReadOnlyList<float> minimum, IReadOnlyList<float> natural, IReadOnlyList<float> weights, float available)
    {
        var count = minimum.Count;
        var widths = new float[count];
        var naturalSum = natural.Sum();
        var weightSum = weights.Sum();

        if (naturalSum <= available)
        {
            var spare = available - naturalSum;
            for (var i = 0; i < count; i++)
            {
                widths[i] = natural[i] + spare * weights[i] / weightSum;
            }

            return widths;
        }

        var minimumSum = minimum.Sum();
        if (minimumSum >= available)
        {
            // Even the longest words do not fit: shrink proportionally, words will be cut between letters.
            for (var i = 0; i < count; i++)
            {
                widths[i] = minimum[i] * available / minimumSum;
            }

            return widths;
        }

        // Start from the minimum and hand out the rest by weight, never beyond what a column wants.
        for (var i = 0; i < count; i++)
        {
            widths[i] = minimum[i];
        }

        var remaining = available - minimumSum;
        var open = Enumerable.Range(0, count).Where(i => natural[i] > minimum[i]).ToHashSet();
        while (remaining > 0.01f && open.Count > 0)
        {
            var openWeight = open.Sum(i => weights[i]);
            var handedOut = 0f;
            foreach (var i in open.ToList())
            {
                var share = remaining * weights[i] / openWeight;
                var take = Math.Min(share, natural[i] - widths[i]);
                widths[i] += take;
                handedOut += take;
                if (natural[i] - widths[i] <= 0.01f)
                {
                    open.Remove(i);
                }
            }

            remaining -= handedOut;
        }

        return widths;
    }
}
