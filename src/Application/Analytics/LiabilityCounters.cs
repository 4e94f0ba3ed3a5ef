namespace CodeScan.Application.Analytics;

/// <summary>
/// The names of the liability rollups' counters. A counter is a measure and a slot: an aging bucket
/// (<c>principal.0</c> … <c>principal.4</c>) for value still held, or <c>x</c> for value that expired unused
/// (breakage). The platform's rollups (one per currency, <see cref="PlatformScope"/>) have the same names.
/// Amounts are minor units; counts and uses are plain numbers.
/// </summary>
public static class LiabilityCounters
{
    public const string Principal = "principal";
    public const string Bonus = "bonus";

    /// <summary>Times cards with at least one use left.</summary>
    public const string TimesCards = "cards";
    public const string Uses = "uses";

    /// <summary>The unrecognised share of what was paid for times cards: price × unused ÷ granted, as the ledger recognises it.</summary>
    public const string TimesCardValue = "cardValue";
    public const string Coupons = "coupons";

    /// <summary>The amount off of cash-off and threshold coupons (percent-off and gift coupons have no face value).</summary>
    public const string CouponFaceValue = "couponFace";

    /// <summary>What was paid for coupons not yet used: the ledger's deferred revenue for them.</summary>
    public const string CouponValue = "couponValue";
    public const string MembershipCards = "members";
    public const string MembershipValue = "memberValue";

    /// <summary>The slot of value that expired unused.</summary>
    public const string Breakage = "x";

    /// <summary>The first age, in days, of each aging bucket: 0–30, 31–90, 91–180, 181–365, over 365.</summary>
    public static readonly int[] BucketStartDays = [0, 31, 91, 181, 366];

    private static readonly string[] Slots = ["0", "1", "2", "3", "4"];

    public static string Held(string measure, int bucket) => string.Concat(measure, ".", Slots[bucket]);

    public static string Broken(string measure) => string.Concat(measure, ".", Breakage);

    /// <summary>The bucket of value loaded <paramref name="ageDays"/> days before the day asked about.</summary>
    public static int BucketOf(int ageDays)
    {
        for (var bucket = BucketStartDays.Length - 1; bucket > 0; bucket--)
        {
            if (ageDays >= BucketStartDays[bucket])
            {
                return bucket;
            }
        }

        return 0;
    }

}
