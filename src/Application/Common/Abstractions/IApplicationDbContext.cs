using CodeScan.Domain.Catalog;
using CodeScan.Domain.Identity;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Orders;
using CodeScan.Domain.Merchants;
using CodeScan.Domain.Redemptions;
using CodeScan.Domain.Users;
using CodeScan.Domain.Wallets;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Application.Common.Abstractions;

/// <summary>
/// The write model. Handlers load and add aggregates here; only the unit-of-work behaviour saves.
/// </summary>
public interface IApplicationDbContext
{
    DbSet<Merchant> Merchants { get; }

    DbSet<User> Users { get; }

    DbSet<Recharge> Recharges { get; }

    DbSet<Redemption> Redemptions { get; }

    DbSet<RedemptionReversal> RedemptionReversals { get; }

    DbSet<WriteOffCode> WriteOffCodes { get; }

    DbSet<CardProduct> CardProducts { get; }

    DbSet<RechargePlan> RechargePlans { get; }

    DbSet<CouponTemplate> CouponTemplates { get; }

    DbSet<Card> Cards { get; }

    DbSet<Coupon> Coupons { get; }

    DbSet<Order> Orders { get; }

    DbSet<SignInChallenge> SignInChallenges { get; }

    DbSet<RefreshToken> RefreshTokens { get; }

    /// <summary>The set of any aggregate, for steps shared by several kinds (see <c>StoredValueBooking</c>).</summary>
    DbSet<TEntity> Set<TEntity>()
        where TEntity : class;
}
