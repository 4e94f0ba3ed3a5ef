namespace CodeScan.Application.Analytics;

/// <summary>Value loaded on one local day and still held (or, in a <see cref="Drawing"/>, taken from that day's value).</summary>
public sealed class Lot
{
    public DateOnly Day { get; init; }

    public long Amount { get; set; }
}

/// <summary>What a payment took from which lots, kept so that its reversal gives the value back to the lots it came from.</summary>
public sealed class Drawing
{
    public Guid RedemptionId { get; init; }

    public List<Lot> Principal { get; init; } = [];

    public List<Lot> Bonus { get; init; } = [];
}

/// <summary>
/// A customer's stored value at one merchant as lots by the local day it was loaded, oldest first, principal
/// and bonus apart: the attribution the liability report ages by. A payment takes from the oldest lots first
/// (FIFO per wallet and part); a reversal gives back to the lots its payment took from, the newest of them
/// first, as if that part of the payment had never happened. Kept by the projection beside the rollups.
/// </summary>
public sealed class WalletLots
{
    /// <summary>The payments remembered for reversal: far more than a customer makes within the reversal window.</summary>
    public const int DrawingsKept = 32;

    /// <summary>
    /// The age, in days, from which lots are merged into one (<see cref="Compact(DateOnly)"/>): past the last aging boundary
    /// (366 days) by a week, so that an event dated a little earlier than the last (a merchant's zone moved back)
    /// still finds every merged lot over a year old. A wallet thus holds at most this many lots per part, plus one.
    /// </summary>
    public const int MergedFromAgeDays = 373;

    public Guid MerchantId { get; init; }

    public Guid CustomerId { get; init; }

    /// <summary>The position of the last event applied.</summary>
    public long Position { get; set; }

    public List<Lot> Principal { get; init; } = [];

    public List<Lot> Bonus { get; init; } = [];

    public List<Drawing> Drawings { get; init; } = [];

    /// <summary>Adds value loaded on <paramref name="day"/>; returns the change by lot day.</summary>
    public static IEnumerable<(DateOnly Day, long Delta)> Load(List<Lot> lots, DateOnly day, long amount)
    {
        if (amount <= 0)
        {
            return [];
        }

        Insert(lots, day, amount);
        return [(day, amount)];
    }

    /// <summary>Takes <paramref name="amount"/> from the oldest lots; returns what it took, by lot day.</summary>
    public static List<Lot> Draw(List<Lot> lots, long amount, DateOnly today)
    {
        var taken = new List<Lot>();
        while (amount > 0 && lots.Count > 0)
        {
            var oldest = lots[0];
            var part = Math.Min(oldest.Amount, amount);
            taken.Add(new Lot { Day = oldest.Day, Amount = part });
            oldest.Amount -= part;
            amount -= part;
            if (oldest.Amount == 0)
            {
                lots.RemoveAt(0);
            }
        }

        if (amount > 0)
        {
            // More than the lots hold: the ledger never allows it; counted on today so the totals stay the ledger's.
            taken.Add(new Lot { Day = today, Amount = amount });
        }

        return taken;
    }

    /// <summary>Gives <paramref name="amount"/> back to the lots it was <paramref name="drawn"/> from, newest first; returns the change by lot day.</summary>
    public static List<(DateOnly Day, long Delta)> Restore(List<Lot> lots, List<Lot>? drawn, long amount, DateOnly today)
    {
        var given = new List<(DateOnly, long)>();
        for (var i = (drawn?.Count ?? 0) - 1; i >= 0 && amount > 0; i--)
        {
            var lot = drawn![i];
            var part = Math.Min(lot.Amount, amount);
            lot.Amount -= part;
            amount -= part;
            if (part > 0)
            {
                Insert(lots, lot.Day, part);
                given.Add((lot.Day, part));
            }
        }

        if (amount > 0)
        {
            // A payment older than the drawings kept: its value comes back as loaded today.
            Insert(lots, today, amount);
            given.Add((today, amount));
        }

        return given;
    }

    /// <summary>Remembers what a payment took, forgetting the oldest payment past <see cref="DrawingsKept"/>.</summary>
    public void Remember(Drawing drawing)
    {
        Drawings.Add(drawing);
        if (Drawings.Count > DrawingsKept)
        {
            Drawings.RemoveAt(0);
        }
    }

    /// <summary>Merges each part's lots over a year old (<see cref="Compact(List{Lot}, DateOnly)"/>), after an event of <paramref name="today"/>.</summary>
    public void Compact(DateOnly today)
    {
        Compact(Principal, today);
        Compact(Bonus, today);
    }

    /// <summary>
    /// Merges the lots at least <see cref="MergedFromAgeDays"/> old on <paramref name="today"/> into one, dated the
    /// newest of them. Exact: value over a year old sits in the last aging bucket for good, so a later payment or
    /// reversal of any of it changes that bucket on its own day and nothing ahead, whichever of those days it names.
    /// The merged lots are the oldest, so the order in which payments take value is kept.
    /// </summary>
    public static void Compact(List<Lot> lots, DateOnly today)
    {
        var last = today.AddDays(-MergedFromAgeDays);
        var count = lots.FindIndex(l => l.Day > last);
        count = count < 0 ? lots.Count : count;
        if (count < 2)
        {
            return;
        }

        lots[count - 1].Amount += lots.Take(count - 1).Sum(l => l.Amount);
        lots.RemoveRange(0, count - 1);
    }

    private static void Insert(List<Lot> lots, DateOnly day, long amount)
    {
        var index = lots.FindIndex(l => l.Day >= day);
        if (index < 0)
        {
            lots.Add(new Lot { Day = day, Amount = amount });
        }
        else if (lots[index].Day == day)
        {
            lots[index].Amount += amount;
        }
        else
        {
            lots.Insert(index, new Lot { Day = day, Amount = amount });
        }
    }
}
