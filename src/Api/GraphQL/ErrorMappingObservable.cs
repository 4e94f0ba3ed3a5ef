namespace CodeScan.Api.GraphQL;

/// <summary>Passes a stream through and maps the exception that ends it, so the application's refusals keep their GraphQL codes.</summary>
internal sealed class ErrorMappingObservable<T>(IObservable<T> inner, Func<Exception, Exception> map) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer) => inner.Subscribe(new Mapper(observer, map));

    private sealed class Mapper(IObserver<T> observer, Func<Exception, Exception> map) : IObserver<T>
    {
        public void OnCompleted() => observer.OnCompleted();

        public void OnError(Exception error) => observer.OnError(map(error));

        public void OnNext(T value) => observer.OnNext(value);
    }
}
