using Bedarfsanalyse.Core.Disclosure;

namespace Bedarfsanalyse.Tests.Disclosure.Audit;

/// <summary>
/// The structural test for two-way tables with margins: rows and columns (totals included) are the nodes of a
/// bipartite graph, suppressed cells its edges. A suppressed cell can be recomputed exactly from its row or column
/// sums, directly or through other suppressed cells, iff its edge is a bridge, i.e. lies on no cycle (Gusfield 1988,
/// "A graph theoretic approach to statistical data security"). Bridges are found with Tarjan's low-link method.
/// </summary>
internal static class SuppressedCellGraph
{
    /// <summary>For each cell of the extended grid: whether it is suppressed and lies on a cycle of suppressed cells.</summary>
    public static bool[] OnCycle(LinearTable table, bool[] suppressed)
    {
        var result = new bool[table.Count];
        if (!table.IsTwoWay)
        {
            // One constraint only: a suppressed cell is hidden iff another cell of the line is suppressed as well.
            var count = suppressed.Count(s => s);
            for (var i = 0; i < table.Count; i++)
            {
                result[i] = suppressed[i] && count >= 2;
            }

            return result;
        }

        int rows = table.Rows + 1, columns = table.Columns + 1;
        var adjacency = Enumerable.Range(0, rows + columns).Select(_ => new List<(int Node, int Edge)>()).ToArray();
        for (var i = 0; i < table.Count; i++)
        {
            if (suppressed[i])
            {
                var (r, c) = table.GridOf(i);
                adjacency[r].Add((rows + c, i));
                adjacency[rows + c].Add((r, i));
            }
        }

        var discovered = new int[rows + columns];
        var low = new int[rows + columns];
        Array.Fill(discovered, -1);
        var time = 0;
        var bridges = new HashSet<int>();

        // Iterative depth-first search, so that large tables cannot overflow the stack.
        for (var start = 0; start < rows + columns; start++)
        {
            if (discovered[start] >= 0)
            {
                continue;
            }

            var stack = new Stack<(int Node, int ParentEdge, int Next)>();
            discovered[start] = low[start] = time++;
            stack.Push((start, -1, 0));
            while (stack.Count > 0)
            {
                var (node, parentEdge, next) = stack.Pop();
                if (next < adjacency[node].Count)
                {
                    stack.Push((node, parentEdge, next + 1));
                    var (neighbour, edge) = adjacency[node][next];
                    if (edge == parentEdge)
                    {
                        continue;
                    }

                    if (discovered[neighbour] < 0)
                    {
                        discovered[neighbour] = low[neighbour] = time++;
                        stack.Push((neighbour, edge, 0));
                    }
                    else
                    {
                        low[node] = Math.Min(low[node], discovered[neighbour]);
                    }
                }
                else if (parentEdge >= 0)
                {
                    var parent = stack.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                    if (low[node] > discovered[parent])
                    {
                        bridges.Add(parentEdge);
                    }
                }
            }
        }

        for (var i = 0; i < table.Count; i++)
        {
            result[i] = suppressed[i] && !bridges.Contains(i);
        }

        return result;
    }
}
