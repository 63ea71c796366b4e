using System.Threading.Channels;

namespace Publishing.Cli.Serve;

/// <summary>The open pages listening for "built" events (server-sent events), one channel per page.</summary>
internal sealed class LiveEvents
{
    private readonly object _gate = new();
    private readonly List<Channel<string>> _listeners = new();

    public Channel<string> Subscribe()
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate) _listeners.Add(channel);
        return channel;
    }

    public void Unsubscribe(Channel<string> channel)
    {
        lock (_gate) _listeners.Remove(channel);
    }

    public void Publish(string json)
    {
        lock (_gate)
            foreach (var listener in _listeners) listener.Writer.TryWrite(json);
    }
}
