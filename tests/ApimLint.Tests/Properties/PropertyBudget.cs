using System.Diagnostics;
using CsCheck;

namespace ApimLint.Tests.Properties;

/// <summary>
/// Runs a property over values drawn from a CsCheck generator in a fixed order (a fixed seed), for a
/// time budget: short in the everyday run, longer on request (APIMLINT_PROPERTY_SECONDS=600), and
/// another sequence with APIMLINT_PROPERTY_SEED=n.
/// </summary>
public static class PropertyBudget
{
    public static int Seconds => int.TryParse(Environment.GetEnvironmentVariable("APIMLINT_PROPERTY_SECONDS"), out var s) ? s : 6;

    public static uint Seed => uint.TryParse(Environment.GetEnvironmentVariable("APIMLINT_PROPERTY_SEED"), out var s) ? s : 20261125;

    public static void Check<T>(Gen<T> gen, Action<T> property, Func<T, string> describe)
    {
        var pcg = new PCG(Seed);
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed.TotalSeconds < Seconds; i++)
        {
            var value = gen.Generate(pcg, null!, out _);
            try
            {
                property(value);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"case {i} of seed {Seed} failed: {describe(value)}\n{e.Message}", e);
            }
        }
    }
}
