namespace CodeScan.Application.Redemptions;

/// <summary>Makes write-off codes and the keyed hashes that are all the database holds of them.</summary>
public interface IWriteOffCodes
{
    /// <summary>A fresh code of <see cref="Domain.Redemptions.WriteOffCode.Digits"/> digits from a cryptographic random source.</summary>
    string Generate();

    /// <summary>The keyed hash of a code, as stored and looked up.</summary>
    string Hash(string code);
}
