using System.Globalization;
using CodeScan.Infrastructure.Projections;

namespace CodeScan.Api.Commands;

/// <summary>
/// A rebuild's progress on stderr: <c>[#####-----]  52% 120,000/230,500 events 16,300 events/s</c>, redrawn in
/// place on a terminal at most every 200 ms, or a line every 5 s when stderr goes to a file or a pipe.
/// </summary>
internal sealed class ProgressBar(TextWriter writer, TimeProvider clock) : IProgress<RebuildProgress>
{
    private const int Width = 30;

    private readonly bool _inPlace = ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;
    private readonly long _started = clock.GetTimestamp();
    private TimeSpan? _lastDrawn;
    private RebuildProgress _last;

    public void Report(RebuildProgress value)
    {
        _last = value;
        var elapsed = clock.GetElapsedTime(_started);
        if (_lastDrawn is not { } drawn || elapsed - drawn >= (_inPlace ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(5)))
        {
            Draw(elapsed);
        }
    }

    /// <summary>Draws the last state once more and ends the line.</summary>
    public void Finish()
    {
        Draw(clock.GetElapsedTime(_started));
        if (_inPlace)
        {
            writer.WriteLine();
        }
    }

    private void Draw(TimeSpan elapsed)
    {
        _lastDrawn = elapsed;
        var (done, total) = (_last.Done, Math.Max(_last.Total, 1));
        var filled = (int)(Width * Math.Min(done, total) / total);
        var rate = done / Math.Max(elapsed.TotalSeconds, 0.001);
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('-', Width - filled)}] {100 * done / total,3}% {done:N0}/{total:N0} events {rate:N0} events/s");
        writer.Write(_inPlace ? "\r" + line : line + Environment.NewLine);
        writer.Flush();
    }
}
