using CodeScan.Domain.Common;
using CodeScan.Domain.Merchants;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CodeScan.Infrastructure.Persistence;

internal sealed class MerchantIdConverter() : ValueConverter<MerchantId, string>(v => v.Value.ToString(), v => new MerchantId(Guid.Parse(v)));

internal sealed class UserIdConverter() : ValueConverter<UserId, string>(v => v.Value.ToString(), v => new UserId(Guid.Parse(v)));

internal sealed class PhoneNumberConverter() : ValueConverter<PhoneNumber, string>(v => v.Value, v => PhoneNumber.FromE164(v));

internal sealed class MerchantCodeConverter() : ValueConverter<MerchantCode, string>(v => v.Value, v => MerchantCode.Parse(v).Value!);

/// <summary>
/// Stores instants as UTC ticks: SQLite cannot order or compare DateTimeOffset, and one form on every
/// provider keeps migrations and raw SQL alike.
/// </summary>
internal sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
