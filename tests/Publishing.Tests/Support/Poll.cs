namespace Publishing.Tests.Support;

/// <summary>Waits for a condition with a bounded deadline (never a fixed sleep).</summary>
public static class Poll
{
    public static async Task Until(Func<Task<bool>> condition, string what, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await condition()) return;
            if (DateTime.UtcNow > deadline) throw new Shouldly.ShouldAssertException($"not reached within {seconds} s: {what}");
            await Task.Delay(25);
        }
    }
}
