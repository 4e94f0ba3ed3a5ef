using System.Runtime.CompilerServices;
using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Instruments;
using CodeScan.Domain.Redemptions;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Infrastructure.Persistence.Locks;

internal sealed class EfRowLocks(CodeScanDbContext db) : IRowLocks
{
    public Task<Card?> CardAsync(Guid id, CancellationToken cancellationToken) =>
        db.Cards.FromSql(Locked("cards", "id", id.ToString())).SingleOrDefaultAsync(cancellationToken);

    public Task<Coupon?> CouponAsync(Guid id, CancellationToken cancellationToken) =>
        db.Coupons.FromSql(Locked("coupons", "id", id.ToString())).SingleOrDefaultAsync(cancellationToken);

    public Task<Redemption?> RedemptionAsync(Guid id, CancellationToken cancellationToken) =>
        db.Redemptions.FromSql(Locked("redemptions", "id", id.ToString())).SingleOrDefaultAsync(cancellationToken);

    public Task<WriteOffCode?> WriteOffCodeAsync(string codeHash, CancellationToken cancellationToken) =>
        db.WriteOffCodes.FromSql(Locked("write_off_codes", "code_hash", codeHash)).SingleOrDefaultAsync(cancellationToken);

    private FormattableString Locked(string table, string column, string value) =>
        FormattableStringFactory.Create($"SELECT * FROM {table} WHERE {column} = {{0}}" + (db.Database.IsSqlite() ? string.Empty : " FOR UPDATE"), value);
}
