namespace GovStatsValidation.Reliability.Tests.Support;

/// <summary>Runs code that used to hang (open() on a FIFO) with a deadline, so a regression fails the test instead of hanging the suite.</summary>
internal static class Bounded
{
    /// <summary>Runs <paramref name="action"/>; past <paramref name="seconds"/> it opens each FIFO for writing to unblock the reader, then fails.</summary>
    public static T Run<T>(Func<T> action, double seconds = 10, params string[] fifos)
    {
        var task = Task.Run(action);
        if (task.Wait(TimeSpan.FromSeconds(seconds)))
        {
            return task.Result;
        }

        foreach (var fifo in fifos)
        {
            Task.Run(() =>
            {
                try
                {
                    using var unblock = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                }
                catch (IOException)
                {
                    // nothing to unblock
                }
            }).Wait(TimeSpan.FromSeconds(2));
        }

        task.Wait(TimeSpan.FromSeconds(5));
        Assert.Fail($"did not finish within {seconds} s (blocked on a FIFO or hung)");
        return default!;
    }
}
