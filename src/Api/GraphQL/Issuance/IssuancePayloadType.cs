using CodeScan.Api.GraphQL.Types;
using CodeScan.Application.Issuance;

namespace CodeScan.Api.GraphQL.Issuance;

/// <summary>The payload of <c>claimCoupon</c> and <c>issueAtCounter</c>.</summary>
public sealed class IssuancePayloadType() : PayloadType<IssuedInstrument, IssuanceType>("IssuancePayload", "instrument");
