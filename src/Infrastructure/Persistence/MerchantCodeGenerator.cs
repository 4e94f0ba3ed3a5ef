using System.Security.Cryptography;
using CodeScan.Application.Common.Abstractions;
using CodeScan.Domain.Merchants;
using Microsoft.EntityFrameworkCore;

namespace CodeScan.Infrastructure.Persistence;

/// <summary>Random codes (31^8 ≈ 8.5e11 of them), checked against the codes already given out.</summary>
internal sealed class MerchantCodeGenerator(CodeScanDbContext db) : IMerchantCodeGenerator
{
    public async Task<MerchantCode> NextAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var code = MerchantCode.Generate(RandomNumberGenerator.GetInt32);
            if (!await db.Merchants.AnyAsync(m => m.Code == code, cancellationToken))
            {
                return code;
            }
        }

        // The unique index is the real guard; ten collisions in a row means something else is wrong.
        throw new InvalidOperationException("Could not find a free merchant code.");
    }
}
