namespace Bedarfsanalyse.Core.Disclosure;

/// <summary>The statuses after complementary suppression; <see cref="Withheld"/> when no pattern of hidden cells protects the table.</summary>
public sealed record ProtectionResult(IReadOnlyList<CellStatus> Statuses, bool Withheld)
{
    public int SecondaryCount => Statuses.Count(s => s.Reason == SuppressionReason.Secondary);
}

/// <summary>
/// Complementary (secondary) suppression on an <see cref="AdditiveTable"/>: every cell that must stay secret must be
/// able to move by at least one, in some direction, while every published cell stays as it is and every hidden cell
/// stays within what a reader knows of it. Where a secret cell cannot, the cheapest set of further cells is hidden
/// that opens such a move: a shortest path in the graph of cells (inner cells cost their value, empty cells a little
/// more, totals much more, fixed cells are never chosen), the network-flow heuristic of Kelly, Golden and Assad (1992).
/// The audit is exact for tables of this form, so no combination of published cells gives a secret cell's value.
/// </summary>
public static class TableProtection
{
    private const long TotalCost = 1_000_000;

    // Hiding an empty cell ("–" known as nothing) costs a little more than hiding a 9: it is needed where a district's
    // answers all fall on one option, and it is why a reader can never take a "." for "at least 1".
    private const long EmptyCost = 10;

    /// <param name="table">The cells with their primary statuses.</param>
    /// <param name="secrets">The cells whose value must not be recomputable; by default every cell with ".".</param>
    public static ProtectionResult Protect(AdditiveTable table, IEnumerable<int>? secrets = null, DisclosureSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        settings ??= DisclosureSettings.Default;
        var state = new State(table, settings);
        var mustProtect = (secrets ?? Enumerable.Range(0, table.CellCount).Where(i => table[i].Status.IsSecret)).Distinct().ToList();
        foreach (var cell in mustProtect)
        {
            if (!state.Hidden[cell])
            {
                throw new ArgumentException($"Zelle {cell} soll geschützt werden, ist aber veröffentlicht.", nameof(secrets));
            }
        }

        foreach (var cell in mustProtect)
        {
            if (state.CanMove(cell))
            {
                continue;
            }

            var path = state.CheapestOpening(cell);
            if (path is null)
            {
                state.HideEverything();
                break;
            }

            foreach (var member in path)
            {
                state.HideAsSecondary(member);
            }
        }

        var withheld = mustProtect.Any(cell => !state.CanMove(cell));
        return new ProtectionResult(state.Statuses, withheld);
    }

    /// <summary>Whether a reader can recompute the hidden cell exactly from the published ones (the audit, for tests and checks).</summary>
    public static bool IsExposed(AdditiveTable table, int cell, IReadOnlyList<CellStatus> statuses, DisclosureSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(statuses);
        var state = new State(table, settings ?? DisclosureSettings.Default, statuses);
        return !state.Hidden[cell] || !state.CanMove(cell);
    }

    private sealed class State
    {
        private readonly AdditiveTable _table;
        private readonly CellStatus _secondary;
        private readonly long[] _lower;

        public State(AdditiveTable table, DisclosureSettings settings, IReadOnlyList<CellStatus>? statuses = null)
        {
            _table = table;
            _secondary = CellStatus.Of(CellSymbol.Secret, SuppressionReason.Secondary, settings);
            Statuses = statuses?.ToArray() ?? Enumerable.Range(0, table.CellCount).Select(i => table[i].Status).ToArray();
            Hidden = Statuses.Select(IsHidden).ToArray();
            _lower = Enumerable.Range(0, table.CellCount).Select(i => table[i].Lower).ToArray();
        }

        public CellStatus[] Statuses { get; }

        public bool[] Hidden { get; }

        private static bool IsHidden(CellStatus status) => status.Symbol is CellSymbol.Secret or CellSymbol.NotReliable;

        public void HideAsSecondary(int cell)
        {
            Hidden[cell] = true;
            Statuses[cell] = _secondary;
        }

        /// <summary>The last resort: every cell that is not fixed is hidden, empty ones included.</summary>
        public void HideEverything()
        {
            for (var i = 0; i < _table.CellCount; i++)
            {
                if (!Hidden[i] && _table[i].Role != CellRole.Fixed)
                {
                    Hidden[i] = true;
                    Statuses[i] = _secondary;
                }
            }
        }

        public bool CanMove(int cell) => CanMove(cell, up: true) || CanMove(cell, up: false);

        private bool CanMove(int cell, bool up)
        {
            var (start, goal) = Ends(cell, up);
            return start >= 0 && Reaches(start, goal, cell);
        }

        /// <summary>
        /// Where a path of hidden cells must lead for the cell to change by one: after pushing a unit along the cell from
        /// one end to the other, the flow must come back. (-1, -1) where the cell's own bounds forbid the change.
        /// </summary>
        private (int Start, int Goal) Ends(int cell, bool up)
        {
            var edge = _table.EdgeOf(cell);
            var room = up ? edge.Cell.Upper is null || edge.Cell.Value + 1 <= edge.Cell.Upper : edge.Cell.Value - 1 >= _lower[cell];
            if (!room)
            {
                return (-1, -1);
            }

            var forward = up == edge.Sign > 0;
            return forward ? (edge.To, edge.From) : (edge.From, edge.To);
        }

        private bool Reaches(int start, int goal, int excluded)
        {
            if (start == goal)
            {
                return true;
            }

            var seen = new bool[_table.NodeCount];
            var queue = new Queue<int>();
            seen[start] = true;
            queue.Enqueue(start);
            var adjacency = Adjacency();
            while (queue.Count > 0)
            {
                var node = queue.Dequeue();
                foreach (var (cell, next) in adjacency[node])
                {
                    if (cell == excluded || seen[next] || !Hidden[cell] || !CanUse(cell, node, next, _lower[cell]))
                    {
                        continue;
                    }

                    if (next == goal)
                    {
                        return true;
                    }

                    seen[next] = true;
                    queue.Enqueue(next);
                }
            }

            return false;
        }

        /// <summary>The cheapest set of published cells whose hiding lets the cell move (either way); null when none does.</summary>
        public IReadOnlyList<int>? CheapestOpening(int cell)
        {
            var up = CheapestOpening(cell, up: true);
            var down = CheapestOpening(cell, up: false);
            if (up is null)
            {
                return down?.Path;
            }

            return down is null || up.Value.Cost <= down.Value.Cost ? up.Value.Path : down.Value.Path;
        }

        private (IReadOnlyList<int> Path, long Cost)? CheapestOpening(int cell, bool up)
        {
            var (start, goal) = Ends(cell, up);
            if (start < 0)
            {
                return null;
            }

            var adjacency = Adjacency();
            var cost = new long[_table.NodeCount];
            Array.Fill(cost, long.MaxValue);
            var via = new (int Node, int Cell)[_table.NodeCount];
            var queue = new PriorityQueue<int, long>();
            cost[start] = 0;
            queue.Enqueue(start, 0);
            while (queue.TryDequeue(out var node, out var reached))
            {
                if (reached > cost[node])
                {
                    continue;
                }

                if (node == goal)
                {
                    break;
                }

                foreach (var (member, next) in adjacency[node])
                {
                    var step = StepCost(member, node, next, cell);
                    if (step is null || reached + step.Value >= cost[next])
                    {
                        continue;
                    }

                    cost[next] = reached + step.Value;
                    via[next] = (node, member);
                    queue.Enqueue(next, cost[next]);
                }
            }

            if (cost[goal] == long.MaxValue)
            {
                return null;
            }

            var path = new List<int>();
            for (var node = goal; node != start; node = via[node].Node)
            {
                if (!Hidden[via[node].Cell])
                {
                    path.Add(via[node].Cell);
                }
            }

            return (path, cost[goal]);
        }

        private long? StepCost(int member, int from, int to, int excluded)
        {
            if (member == excluded)
            {
                return null;
            }

            var cell = _table[member];
            if (Hidden[member])
            {
                return CanUse(member, from, to, _lower[member]) ? 0 : null;
            }

            // A published cell can join the path if hiding it is allowed and then leaves it room in that direction.
            if (cell.Role == CellRole.Fixed || !CanUse(member, from, to, cell.Lower))
            {
                return null;
            }

            return (cell.Role == CellRole.Total ? TotalCost : 0) + (cell.Value == 0 ? EmptyCost : cell.Value + 1);
        }

        private bool CanUse(int member, int from, int to, long lower)
        {
            var edge = _table.EdgeOf(member);
            return from == edge.From && to == edge.To ? edge.CanPushForward(lower, edge.Cell.Upper) : edge.CanPushBackward(lower, edge.Cell.Upper);
        }

        private List<(int Cell, int Next)>[]? _adjacency;

        private List<(int Cell, int Next)>[] Adjacency()
        {
            if (_adjacency is not null)
            {
                return _adjacency;
            }

            _adjacency = new List<(int, int)>[_table.NodeCount];
            for (var i = 0; i < _adjacency.Length; i++)
            {
                _adjacency[i] = [];
            }

            for (var cell = 0; cell < _table.CellCount; cell++)
            {
                var edge = _table.EdgeOf(cell);
                _adjacency[edge.From].Add((cell, edge.To));
                _adjacency[edge.To].Add((cell, edge.From));
            }

            return _adjacency;
        }
    }
}
