using Bedarfsanalyse.Core.Disclosure;

namespace Bedarfsanalyse.Tests.Disclosure.Audit;

/// <summary>
/// What an intruder can learn about suppressed cells: for each, the smallest and largest value consistent with every
/// published cell, the additivity of the table and non-negativity. Two linear programmes per cell, solved with a dense
/// two-phase simplex and Bland's rule (Bland 1977), which cannot cycle on the degenerate programmes tables produce.
/// The constraint matrix of one- and two-way tables is totally unimodular, so with values scaled to integers every
/// vertex, and thus every bound, is an integer: the doubles are exact here.
/// </summary>
internal static class FeasibleRanges
{
    private const double Epsilon = 1e-9;

    /// <summary>For each cell: (minimum, maximum or null when unbounded); published cells get their own value.</summary>
    public static (decimal Minimum, decimal? Maximum)[] Compute(LinearTable table, bool[] suppressed)
    {
        var scale = Scale(table);
        var variables = Enumerable.Range(0, table.Count).Where(i => suppressed[i]).ToArray();
        var variableOf = new int[table.Count];
        Array.Fill(variableOf, -1);
        for (var v = 0; v < variables.Length; v++)
        {
            variableOf[variables[v]] = v;
        }

        var rows = new List<double[]>();
        var rightHandSides = new List<double>();
        foreach (var (total, parts) in table.Constraints)
        {
            // Σ parts − total = 0, with the published cells moved to the right-hand side.
            var row = new double[variables.Length];
            var rightHandSide = 0.0;
            var any = false;
            foreach (var part in parts)
            {
                if (variableOf[part] >= 0)
                {
                    row[variableOf[part]] += 1;
                    any = true;
                }
                else
                {
                    rightHandSide -= Scaled(table.Cells[part].Value, scale);
                }
            }

            if (variableOf[total] >= 0)
            {
                row[variableOf[total]] -= 1;
                any = true;
            }
            else
            {
                rightHandSide += Scaled(table.Cells[total].Value, scale);
            }

            if (any)
            {
                rows.Add(row);
                rightHandSides.Add(rightHandSide);
            }
        }

        var result = table.Cells.Select(c => (c.Value, (decimal?)c.Value)).ToArray();
        if (variables.Length == 0)
        {
            return result;
        }

        var region = Region.Build(rows, rightHandSides, variables.Length);
        for (var v = 0; v < variables.Length; v++)
        {
            var minimum = region.Minimize(v, sign: 1) ?? 0;
            var negativeMaximum = region.Minimize(v, sign: -1);
            result[variables[v]] = (Unscaled(minimum, scale), negativeMaximum is { } m ? Unscaled(-m, scale) : null);
        }

        return result;
    }

    // Values become integers after multiplying by 10^decimals (money has cents), so the simplex works on integers.
    private static decimal Scale(LinearTable table)
    {
        var decimals = table.Cells.Max(c => (int)((decimal.GetBits(c.Value)[3] >> 16) & 0xFF));
        return (decimal)Math.Pow(10, Math.Min(decimals, 6));
    }

    private static double Scaled(decimal value, decimal scale) => (double)decimal.Round(value * scale);

    private static decimal Unscaled(double value, decimal scale) => (decimal)Math.Round(value) / scale;

    /// <summary>The polytope {x ≥ 0 : A x = b} after phase 1, ready to optimise any single coordinate.</summary>
    private sealed class Region
    {
        private readonly double[][] _rows;
        private readonly int[] _basis;
        private readonly int _variables;

        private Region(double[][] rows, int[] basis, int variables)
        {
            _rows = rows;
            _basis = basis;
            _variables = variables;
        }

        public static Region Build(List<double[]> a, List<double> b, int n)
        {
            var m = a.Count;
            var width = n + m + 1;
            var tableau = new double[m + 1][];
            var basis = new int[m];
            for (var i = 0; i < m; i++)
            {
                var sign = b[i] < 0 ? -1.0 : 1.0;
                tableau[i] = new double[width];
                for (var j = 0; j < n; j++)
                {
                    tableau[i][j] = sign * a[i][j];
                }

                tableau[i][n + i] = 1;
                tableau[i][width - 1] = sign * b[i];
                basis[i] = n + i;
            }

            // Phase 1 minimises the sum of the artificial variables; its reduced costs are minus the column sums.
            tableau[m] = new double[width];
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    tableau[m][j] -= tableau[i][j];
                }

                tableau[m][width - 1] -= tableau[i][width - 1];
            }

            if (!Optimise(tableau, basis, n + m))
            {
                throw new InvalidOperationException("Phase 1 des Simplex ist unbeschränkt; das kann nicht sein.");
            }

            if (-tableau[m][width - 1] > 0.5)
            {
                throw new DisclosureException("Die veröffentlichten Zellen widersprechen einander; die Tabelle ist nicht additiv.");
            }

            // Drive the artificial variables out of the basis; a row where that is impossible is redundant
            // (e.g. Σ row totals = Σ column totals) and is dropped.
            var keep = new List<int>();
            for (var i = 0; i < m; i++)
            {
                if (basis[i] >= n)
                {
                    var column = Enumerable.Range(0, n).FirstOrDefault(j => Math.Abs(tableau[i][j]) > Epsilon, -1);
                    if (column < 0)
                    {
                        continue;
                    }

                    Pivot(tableau, basis, i, column);
                }

                keep.Add(i);
            }

            var rows = keep.Select(i => tableau[i].Take(n).Append(tableau[i][width - 1]).ToArray()).ToArray();
            return new Region(rows, keep.Select(i => basis[i]).ToArray(), n);
        }

        /// <summary>min sign · x_v over the region; null when unbounded below.</summary>
        public double? Minimize(int v, int sign)
        {
            var m = _rows.Length;
            var width = _variables + 1;
            var tableau = new double[m + 1][];
            for (var i = 0; i < m; i++)
            {
                tableau[i] = (double[])_rows[i].Clone();
            }

            var basis = (int[])_basis.Clone();
            var objective = new double[width];
            objective[v] = sign;
            for (var i = 0; i < m; i++)
            {
                if (basis[i] == v)
                {
                    for (var j = 0; j < width; j++)
                    {
                        objective[j] -= sign * tableau[i][j];
                    }
                }
            }

            tableau[m] = objective;
            return Optimise(tableau, basis, _variables) ? -tableau[m][width - 1] : null;
        }

        // Bland's rule: the entering column is the first with a negative reduced cost, the leaving row the one with
        // the smallest ratio, ties broken by the smallest basic variable.
        private static bool Optimise(double[][] tableau, int[] basis, int columns)
        {
            var m = basis.Length;
            var last = tableau[m].Length - 1;
            while (true)
            {
                var entering = -1;
                for (var j = 0; j < columns; j++)
                {
                    if (tableau[m][j] < -Epsilon)
                    {
                        entering = j;
                        break;
                    }
                }

                if (entering < 0)
                {
                    return true;
                }

                var leaving = -1;
                var best = double.PositiveInfinity;
                for (var i = 0; i < m; i++)
                {
                    if (tableau[i][entering] > Epsilon)
                    {
                        var ratio = tableau[i][last] / tableau[i][entering];
                        if (ratio < best - Epsilon || (Math.Abs(ratio - best) <= Epsilon && basis[i] < basis[leaving]))
                        {
                            best = ratio;
                            leaving = i;
                        }
                    }
                }

                if (leaving < 0)
                {
                    return false;
                }

                Pivot(tableau, basis, leaving, entering);
            }
        }

        private static void Pivot(double[][] tableau, int[] basis, int row, int column)
        {
            var pivotRow = tableau[row];
            var pivot = pivotRow[column];
            for (var j = 0; j < pivotRow.Length; j++)
            {
                pivotRow[j] /= pivot;
            }

            for (var i = 0; i < tableau.Length; i++)
            {
                if (i == row)
                {
                    continue;
                }

                var factor = tableau[i][column];
                if (factor == 0)
                {
                    continue;
                }

                var target = tableau[i];
                for (var j = 0; j < target.Length; j++)
                {
                    target[j] -= factor * pivotRow[j];
                }

                target[column] = 0;
            }

            basis[row] = column;
        }
    }
}
