using CodeScan.Application.Analytics;
using CodeScan.Application.Projections;
using CodeScan.Application.ReadModels;
using CodeScan.Application.Records;
using CodeScan.Infrastructure.Persistence.EventLog;
using Microsoft.Extensions.DependencyInjection;

namespace CodeScan.Infrastructure.Projections;

/// <summary>
/// Applies the next batch of the event log, after the read store's checkpoint, to every registered
/// <see cref="IProjection"/>, then moves the checkpoint. The live projector and <c>rebuild-read-models</c> run
/// the same batches; which read models they write is decided by the stores the scope resolves.
/// </summary>
internal sealed class ProjectionRunner
{
    /// <summary>The registered projections, in their order; each batch makes its own over its <see cref="ProjectionBatch"/>.</summary>
    private Type[]? _projectionTypes;

    /// <summary>The checkpoint this runner last wrote, and the lease term it wrote it in.</summary>
    private (long Term, long Checkpoint) _written = (NoTerm, 0);

    /// <summary>A caller without a lease term (the rebuild): the checkpoint is read before every batch.</summary>
    public const long NoTerm = 0;

    /// <param name="term">
    /// The lease term the batch runs in. Within one term nobody else moves the checkpoint (a new holder is a new
    /// term, and this one's writes are fenced off), so the one this runner wrote is the one stored: it is not read again.
    /// </param>
    /// <returns>How many events the batch applied, and the checkpoint after it.</returns>
    public async Task<(int Applied, long Checkpoint)> RunBatchAsync(IServiceProvider services, int batchSize, long term, CancellationToken cancellationToken)
    {
        var reader = services.GetRequiredService<EventLogReader>();

        // The projections of this batch write through one ProjectionBatch: reads kept, writes sent together.
        var writes = new ProjectionBatch(
            services.GetRequiredService<IReadModelStore>(), services.GetRequiredService<IRecordStore>(), services.GetRequiredService<IAlertFeed>(),
            services.GetRequiredService<ISalesStore>(),
            services.GetRequiredService<IPerformanceStore>(),
            services.GetRequiredService<ICustomerStore>(),
            services.GetRequiredService<ILiabilityStore>());
        var store = writes.Store;
        _projectionTypes ??= services.GetServices<IProjection>().Select(p => p.GetType()).ToArray();
        var projections = _projectionTypes.Select(t => Create(services, t, store, writes)).ToList();

        var checkpoint = await CheckpointAsync(store, term, cancellationToken);
        var batch = await reader.ReadAfterAsync(checkpoint, batchSize, cancellationToken);
        await writes.PrefetchAsync(
            batch.Select(e => WalletProjection.WalletOf(e.Event)).OfType<(Guid, Guid)>(), batch.SelectMany(e => LiabilityProjection.InstrumentsOf(e.Event)), cancellationToken);
        foreach (var envelope in batch)
        {
            foreach (var projection in projections)
            {
                await projection.ApplyAsync(envelope, cancellationToken);
            }
        }

        // One checkpoint per batch: projections are replay-safe, so a failure before it only means the batch's
        // events are applied again (and skipped by their version checks).
        if (batch.Count > 0)
        {
            checkpoint = batch[^1].Position;
            await store.SetCheckpointAsync(checkpoint, cancellationToken);
        }

        _written = (term, checkpoint);
        return (batch.Count, checkpoint);
    }

    /// <summary>
    /// The one this runner wrote in the same term, or else the store's. Until this batch's checkpoint is written, a
    /// failure leaves the stored one unknown: it is read next time.
    /// </summary>
    private async Task<long> CheckpointAsync(IReadModelStore store, long term, CancellationToken cancellationToken)
    {
        var checkpoint = term != NoTerm && _written.Term == term ? _written.Checkpoint : await store.GetCheckpointAsync(cancellationToken);
        _written = (NoTerm, 0);
        return checkpoint;
    }

    /// <summary>A projection over the batch's stores, with its other dependencies from the scope.</summary>
    private static IProjection Create(IServiceProvider services, Type type, IReadModelStore store, ProjectionBatch batch)
    {
        var wanted = type.GetConstructors().Single().GetParameters().Select(p => p.ParameterType).ToHashSet();
        (Type Type, object Value)[] batchServices =
            [(typeof(IReadModelStore), store), (typeof(IRecordStore), batch.Records), (typeof(IAlertFeed), batch.Alerts), (typeof(ISalesStore), batch.Sales),
             (typeof(IPerformanceStore), batch.Performance), (typeof(ICustomerStore), batch.Customers), (typeof(ILiabilityStore), batch.Liability)];
        object[] arguments = [.. batchServices.Where(s => wanted.Contains(s.Type)).Select(s => s.Value)];
        return (IProjection)ActivatorUtilities.CreateInstance(services, type, arguments);
    }
}
