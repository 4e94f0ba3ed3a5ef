using CodeScan.Domain.Catalog;
using CodeScan.Domain.Common;
using CodeScan.Domain.Redemptions;
using CodeScan.Domain.Tests.Support;
using CodeScan.Domain.Wallets;

using static CodeScan.Domain.Tests.Redemptions.Holdings;

namespace CodeScan.Domain.Tests.Redemptions;

public sealed class RedemptionPricingTests
{
    private static readonly StoredValueBalance Rich = new(1_000_000, 0);
    private static readonly StoredValueBalance Empty = new(0, 0);

    [Theory]
    [InlineData(999L, 8_800, 120L)] // pays 879.12 → 879
    [InlineData(1L, 8_800, 0L)] // pays 0.88 → 1
    [InlineData(1_000L, 8_800, 120L)]
    [InlineData(5L, 9_000, 0L)] // pays 4.5 → 5: half rounds up
    [InlineData(15L, 9_000, 1L)] // pays 13.5 → 14
    [InlineData(25L, 9_000, 2L)] // pays 22.5 → 23
    [InlineData(1L, 1, 1L)] // pays 0.0001 → 0
    [InlineData(100_000_000L, 9_999, 10_000L)]
    public void MembershipDiscount_RoundsWhatTheMemberPaysHalfUp(long bill, int payRate, long discount) =>
        Assert.Equal(discount, RedemptionPricing.MembershipDiscount(bill, payRate));

    [Fact]
    public void MembershipDiscount_WithoutAMembership_IsZero() =>
        Assert.Equal(0, RedemptionPricing.MembershipDiscount(999, null));

    [Fact]
    public void Price_WithMembership_ChargesTheRoundedShareToStoredValue()
    {
        var priced = RedemptionPricing.Price(999, 8_800, null, RestPayment.StoredValue, Rich).AssertSuccess();

        Assert.Equal(new PriceBreakdown(999, 120, 0, 879, 0, 0), priced);
        Assert.Equal(879, priced.Payable);
    }

    [Fact]
    public void Price_WithMembershipOnOneMinorUnit_StillChargesIt()
    {
        var priced = RedemptionPricing.Price(1, 8_800, null, RestPayment.StoredValue, Rich).AssertSuccess();

        Assert.Equal(new PriceBreakdown(1, 0, 0, 1, 0, 0), priced);
    }

    [Fact]
    public void Price_WithCashOff_TakesOffItsAmount()
    {
        var priced = RedemptionPricing.Price(1_000, null, CashOff(300), RestPayment.StoredValue, Rich).AssertSuccess();

        Assert.Equal(new PriceBreakdown(1_000, 0, 300, 700, 0, 0), priced);
    }

    [Fact]
    public void Price_WithCashOffAboveTheBill_TakesOffOnlyWhatIsDueAndNeedsNoBalance()
    {
        var priced = RedemptionPricing.Price(500, null, CashOff(800), RestPayment.StoredValue, Empty).AssertSuccess();

        Assert.Equal(new PriceBreakdown(500, 0, 500, 0, 0, 0), priced);
    }

    [Fact]
    public void Price_WithCashOffAboveWhatIsDueAfterMembership_TakesOffOnlyWhatIsDue()
    {
        var priced = RedemptionPricing.Price(1_000, 8_800, CashOff(1_000), RestPayment.StoredValue, Empty).AssertSuccess();

        Assert.Equal(new PriceBreakdown(1_000, 120, 880, 0, 0, 0), priced);
    }

    [Fact]
    public void Price_WithPercentOff_RoundsTheDiscountDown()
    {
        // 15% of 999 is 149.85.
        var priced = RedemptionPricing.Price(999, null, PercentOff(15, 10_000), RestPayment.StoredValue, Rich).AssertSuccess();

        Assert.Equal(149, priced.CouponDiscount);
        Assert.Equal(850, priced.FromPrincipal);
    }

    [Fact]
    public void Price_WithPercentOffAboveItsCap_TakesOffTheCap()
    {
        var priced = RedemptionPricing.Price(10_000, null, PercentOff(15, 1_000), RestPayment.StoredValue, Rich).AssertSuccess();

        Assert.Equal(new PriceBreakdown(10_000, 0, 1_000, 9_000, 0, 0), priced);
    }

    [Fact]
    public void Price_WithPercentOffAndMembership_TakesThePercentageOfWhatIsDueAfterMembership()
    {
        // 1,000 at 88% is 880 due; 15% of 880 is 132 (15% of the whole bill would be 150).
        var priced = RedemptionPricing.Price(1_000, 8_800, PercentOff(15, 10_000), RestPayment.StoredValue, Rich).AssertSuccess();

        Assert.Equal(new PriceBreakdown(1_000, 120, 132, 748, 0, 0), priced);
    }

    [Fact]
    public void Price_WithCashOffAndMembership_AppliesTheMembershipFirst()
    {
        // Membership first: 1,000 → 800, then 100 off → 700. Coupon first would give 900 × 80% = 720.
        var priced = RedemptionPricing.Price(1_000, 8_000, CashOff(100), RestPayment.StoredValue, Rich).AssertSuccess();

        Assert.Equal(new PriceBreakdown(1_000, 200, 100, 700, 0, 0), priced);
    }

    [Fact]
    public void Price_WithThreshold_JudgesTheWholeBillButDiscountsAfterMembership()
    {
        // The bill after membership (8,800) is below the threshold; the whole bill (10,000) meets it.
        var priced = RedemptionPricing.Price(10_000, 8_800, Threshold(10_000, 1_500), RestPayment.StoredValue, Rich).AssertSuccess();

        Assert.Equal(new PriceBreakdown(10_000, 1_200, 1_500, 7_300, 0, 0), priced);
    }

    [Fact]
    public void Price_WithThresholdAboveWhatIsDueAfterMembership_TakesOffOnlyWhatIsDue()
    {
        // Threshold 100, 100 off; a bill of 100 at 50% leaves 50 due.
        var priced = RedemptionPricing.Price(100, 5_000, Threshold(100, 100), RestPayment.StoredValue, Empty).AssertSuccess();

        Assert.Equal(new PriceBreakdown(100, 50, 50, 0, 0, 0), priced);
    }

    [Fact]
    public void Price_WhenThresholdNotMet_ReturnsCouponThresholdNotMet()
    {
        RedemptionPricing.Price(9_999, null, Threshold(10_000, 1_500), RestPayment.StoredValue, Rich)
            .AssertFailure(ErrorCode.CouponThresholdNotMet, "couponId");
    }

    [Fact]
    public void Price_WithGift_TakesOffNothing()
    {
        var priced = RedemptionPricing.Price(1_000, null, Gift(), RestPayment.StoredValue, Rich).AssertSuccess();

        Assert.Equal(new PriceBreakdown(1_000, 0, 0, 1_000, 0, 0), priced);
    }

    [Fact]
    public void Price_WithRestOutside_RecordsItAsPaidOutsideAndNeedsNoBalance()
    {
        var priced = RedemptionPricing.Price(1_000, 8_800, CashOff(100), RestPayment.Outside, Empty).AssertSuccess();

        Assert.Equal(new PriceBreakdown(1_000, 120, 100, 0, 0, 780), priced);
    }

    [Fact]
    public void Price_WithRestOutside_LeavesStoredValueAloneEvenWhenItCovers()
    {
        var priced = RedemptionPricing.Price(1_000, null, null, RestPayment.Outside, Rich).AssertSuccess();

        Assert.Equal((0L, 0L, 1_000L), (priced.FromPrincipal, priced.FromBonus, priced.PaidOutside));
    }

    [Fact]
    public void Price_WithRestFromStoredValue_TakesPrincipalFirstThenBonus()
    {
        var priced = RedemptionPricing.Price(800, null, null, RestPayment.StoredValue, new StoredValueBalance(300, 1_000)).AssertSuccess();

        Assert.Equal(new PriceBreakdown(800, 0, 0, 300, 500, 0), priced);
    }

    [Fact]
    public void Price_WhenStoredValueDoesNotCoverTheRest_ReturnsInsufficientBalance()
    {
        RedemptionPricing.Price(1_000, null, CashOff(399), RestPayment.StoredValue, new StoredValueBalance(300, 300))
            .AssertFailure(ErrorCode.InsufficientBalance, "amount");
    }

    [Fact]
    public void Price_WhenStoredValueCoversTheRestExactly_SpendsAllOfIt()
    {
        var priced = RedemptionPricing.Price(1_000, null, CashOff(400), RestPayment.StoredValue, new StoredValueBalance(300, 300)).AssertSuccess();

        Assert.Equal(new PriceBreakdown(1_000, 0, 400, 300, 300, 0), priced);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(Money.MaxAmountMinorUnits + 1)]
    public void Price_WhenBillOutOfRange_ReturnsAmountOutOfRange(long bill)
    {
        RedemptionPricing.Price(bill, null, null, RestPayment.Outside, Rich).AssertFailure(ErrorCode.AmountOutOfRange, "amount");
    }

    [Fact]
    public void Price_ForManyBills_AddsUpAndMatchesTheRulesWorkedOutIndependently()
    {
        var random = new Random(20250602);
        long[] scales = [10, 1_000, 100_000, Money.MaxAmountMinorUnits];

        for (var i = 0; i < 1_000; i++)
        {
            var scale = scales[random.Next(scales.Length)];
            var bill = random.NextInt64(0, scale + 1);
            int? rate = random.Next(3) == 0 ? null : random.Next(1, 10_000);
            var terms = RandomTerms(random, scale);
            var rest = random.Next(2) == 0 ? RestPayment.StoredValue : RestPayment.Outside;
            var balance = new StoredValueBalance(random.Next(4) == 0 ? 0 : random.NextInt64(0, scale), random.Next(4) == 0 ? 0 : random.NextInt64(0, scale));
            var context = $"case {i}: bill {bill}, rate {rate}, coupon {terms}, rest {rest}, balance {balance}";

            var result = RedemptionPricing.Price(bill, rate, terms, rest, balance);

            if (terms is { Kind: CouponKind.Threshold } && bill < terms.Threshold)
            {
                Assert.True(result.Error?.Code == ErrorCode.CouponThresholdNotMet, $"{context}: expected threshold not met, got {result.Error}");
                continue;
            }

            var membership = rate is { } r ? bill - (long)Math.Round(bill * r / 10_000m, MidpointRounding.AwayFromZero) : 0;
            var due = bill - membership;
            var coupon = ExpectedCouponDiscount(terms, due);
            var payable = due - coupon;
            if (rest == RestPayment.StoredValue && payable > balance.Total)
            {
                Assert.True(result.Error?.Code == ErrorCode.InsufficientBalance, $"{context}: expected insufficient balance, got {result.Error}");
                continue;
            }

            var priced = result.AssertSuccess();
            Assert.True(priced.Bill == bill, $"{context}: bill changed");
            Assert.True(priced.Bill == priced.MembershipDiscount + priced.CouponDiscount + priced.FromPrincipal + priced.FromBonus + priced.PaidOutside, $"{context}: parts do not add up to the bill ({priced})");
            Assert.True(
                priced.MembershipDiscount >= 0 && priced.CouponDiscount >= 0 && priced.FromPrincipal >= 0 && priced.FromBonus >= 0 && priced.PaidOutside >= 0,
                $"{context}: a negative part ({priced})");
            Assert.True(priced.MembershipDiscount == membership, $"{context}: membership discount {priced.MembershipDiscount}, expected {membership}");
            Assert.True(priced.CouponDiscount == coupon, $"{context}: coupon discount {priced.CouponDiscount}, expected {coupon}");
            if (rest == RestPayment.Outside)
            {
                Assert.True(priced.FromStoredValue == 0, $"{context}: stored value used though the rest is paid outside");
            }
            else
            {
                Assert.True(priced.PaidOutside == 0, $"{context}: paid outside though the rest is from stored value");
                Assert.True(priced.FromPrincipal <= balance.Principal && priced.FromBonus <= balance.Bonus, $"{context}: overspent ({priced})");
                Assert.True(priced.FromBonus == 0 || priced.FromPrincipal == balance.Principal, $"{context}: bonus used before principal ran out");
            }
        }
    }

    [Fact]
    public void Best_WithSeveralMemberships_TakesTheDeepestDiscount()
    {
        var deepest = Membership(8_000);
        MembershipOption[] memberships = [Membership(9_500), deepest, Membership(8_800)];

        var quote = RedemptionPricing.Best(1_000, memberships, [], Rich);

        Assert.Same(deepest, quote.Membership);
        Assert.Equal(new PriceBreakdown(1_000, 200, 0, 800, 0, 0), quote.Breakdown);
    }

    [Fact]
    public void Best_WithNothingHeld_ChargesTheWholeBill()
    {
        var quote = RedemptionPricing.Best(1_000, [], [], Rich);

        Assert.Null(quote.Membership);
        Assert.Null(quote.Coupon);
        Assert.Equal(new PriceBreakdown(1_000, 0, 0, 1_000, 0, 0), quote.Breakdown);
    }

    [Fact]
    public void Best_WithSeveralCoupons_TakesTheOneTakingOffMost()
    {
        var percent = Option(PercentOff(20, 500));
        CouponOption[] coupons = [Option(CashOff(100)), percent, Option(Threshold(500, 150))];

        var quote = RedemptionPricing.Best(1_000, [], coupons, Rich);

        Assert.Same(percent, quote.Coupon);
        Assert.Equal(new PriceBreakdown(1_000, 0, 200, 800, 0, 0), quote.Breakdown);
    }

    [Fact]
    public void Best_WhenCouponsTakeOffTheSame_TakesTheOneExpiringFirst()
    {
        var later = Option(CashOff(100), days: 20);
        var sooner = Option(CashOff(100), days: 5);

        var quote = RedemptionPricing.Best(1_000, [], [later, sooner], Rich);

        Assert.Same(sooner, quote.Coupon);
    }

    [Fact]
    public void Best_WithAMembership_JudgesCouponsOnWhatIsDueAfterIt()
    {
        // After 50% membership 500 is due: 50% off takes 250; the 300 cash-off would take 300.
        var half = Option(PercentOff(50, 10_000));
        var cash = Option(CashOff(300));

        var quote = RedemptionPricing.Best(1_000, [Membership(5_000)], [half, cash], Rich);

        Assert.Same(cash, quote.Coupon);
        Assert.Equal(new PriceBreakdown(1_000, 500, 300, 200, 0, 0), quote.Breakdown);
    }

    [Fact]
    public void Best_IgnoresACouponWhoseThresholdIsNotMet()
    {
        var cash = Option(CashOff(50));

        var quote = RedemptionPricing.Best(1_000, [], [Option(Threshold(5_000, 3_000)), cash], Rich);

        Assert.Same(cash, quote.Coupon);
        Assert.Equal(50, quote.Breakdown.CouponDiscount);
    }

    [Fact]
    public void Best_WhenNoCouponTakesAnythingOff_SuggestsNone()
    {
        var quote = RedemptionPricing.Best(1_000, [], [Option(Threshold(5_000, 3_000)), Option(Gift())], Rich);

        Assert.Null(quote.Coupon);
        Assert.Equal(new PriceBreakdown(1_000, 0, 0, 1_000, 0, 0), quote.Breakdown);
    }

    [Fact]
    public void Best_WhenStoredValueFallsShort_CoversWhatItCanAndLeavesTheRestOutside()
    {
        var quote = RedemptionPricing.Best(1_000, [], [Option(CashOff(100))], new StoredValueBalance(300, 200));

        Assert.Equal(new PriceBreakdown(1_000, 0, 100, 300, 200, 400), quote.Breakdown);
    }

    [Fact]
    public void Best_WhenStoredValueCovers_LeavesNothingOutside()
    {
        var quote = RedemptionPricing.Best(1_000, [], [], new StoredValueBalance(300, 1_000));

        Assert.Equal(new PriceBreakdown(1_000, 0, 0, 300, 700, 0), quote.Breakdown);
    }

    [Fact]
    public void Best_ForManyHoldings_AddsUpAndQuotesWhatPriceWouldCharge()
    {
        var random = new Random(20250603);

        for (var i = 0; i < 1_000; i++)
        {
            var bill = random.NextInt64(1, 100_000);
            var memberships = Enumerable.Range(0, random.Next(3)).Select(_ => Membership(random.Next(1, 10_000))).ToList();
            var coupons = Enumerable.Range(0, random.Next(4)).Select(_ => Option(RandomTerms(random, 100_000) ?? Gift(), days: random.Next(1, 30))).ToList();
            var balance = new StoredValueBalance(random.NextInt64(0, 100_000), random.NextInt64(0, 100_000));
            var context = $"case {i}: bill {bill}, memberships [{string.Join(", ", memberships.Select(m => m.PayRateBasisPoints))}], coupons [{string.Join(", ", coupons.Select(c => c.Terms))}], balance {balance}";

            var quote = RedemptionPricing.Best(bill, memberships, coupons, balance);
            var b = quote.Breakdown;

            Assert.True(b.Bill == b.MembershipDiscount + b.CouponDiscount + b.FromPrincipal + b.FromBonus + b.PaidOutside, $"{context}: parts do not add up ({b})");
            Assert.True(b.MembershipDiscount >= 0 && b.CouponDiscount >= 0 && b.FromPrincipal >= 0 && b.FromBonus >= 0 && b.PaidOutside >= 0, $"{context}: a negative part ({b})");
            Assert.True(b.PaidOutside == 0 || b.FromStoredValue == balance.Total, $"{context}: paid outside while stored value was left ({b})");
            var bestRate = memberships.Count == 0 ? (int?)null : memberships.Min(m => m.PayRateBasisPoints);
            Assert.True(quote.Membership?.PayRateBasisPoints == bestRate, $"{context}: not the deepest membership");
            var due = bill - RedemptionPricing.MembershipDiscount(bill, bestRate);
            var bestCoupon = coupons.Select(c => c.Terms.Kind != CouponKind.Threshold || bill >= c.Terms.Threshold ? ExpectedCouponDiscount(c.Terms, due) : 0).DefaultIfEmpty(0).Max();
            Assert.True(b.CouponDiscount == bestCoupon, $"{context}: coupon discount {b.CouponDiscount}, best available {bestCoupon}");

            // What is quoted is what the redemption charges, paying the rest outside.
            var priced = RedemptionPricing.Price(bill, bestRate, quote.Coupon?.Terms, RestPayment.Outside, balance).AssertSuccess();
            Assert.True(priced.Payable == b.Payable && priced.Discount == b.Discount, $"{context}: quote {b}, price {priced}");
        }
    }

    private static long ExpectedCouponDiscount(CouponTerms? terms, long due) => terms?.Kind switch
    {
        CouponKind.CashOff or CouponKind.Threshold => Math.Min(terms.AmountOff, due),
        CouponKind.PercentOff => Math.Min(terms.Cap, (long)Math.Floor(due * terms.PercentOff / 100m)),
        _ => 0,
    };

    private static CouponTerms? RandomTerms(Random random, long scale)
    {
        var max = Math.Min(scale, Money.MaxAmountMinorUnits);
        return random.Next(5) switch
        {
            0 => null,
            1 => CashOff(random.NextInt64(1, max + 1)),
            2 => PercentOff(random.Next(1, 100), random.NextInt64(1, max + 1)),
            3 => RandomThreshold(random, max),
            _ => Gift(),
        };
    }

    private static CouponTerms RandomThreshold(Random random, long max)
    {
        var threshold = random.NextInt64(1, max + 1);
        return Threshold(threshold, random.NextInt64(1, threshold + 1));
    }

    private static MembershipOption Membership(int payRate) => new(Guid.NewGuid(), $"{payRate} bp", payRate, Holdings.ExpiresAt);

    private static CouponOption Option(CouponTerms terms, int days = 10) => new(Guid.NewGuid(), terms.Kind.ToString(), terms, TestClock.Now.AddDays(days));
}
