using TorchSharp;

namespace TensorLinear.Autograd.Runtime;

/// <summary>
/// Applies a <see cref="ThreadPolicy"/>: libtorch's thread pool (in libtorch 2.10 OpenMP and MKL share one, set by
/// <c>torch.set_num_threads</c>) and the thread count of TensorLinear's own parallel loops (the one-pass kernel, the
/// blocked QR). libtorch's own choice is recorded once, at load, so that <see cref="ThreadPolicy.LibraryDefaults"/> can
/// restore it.
/// </summary>
internal static class ThreadSettings
{
    private static readonly Lock Gate = new();
    private static int _libraryThreads = 1;
    private static int _kernelSections;      // open KernelsOwnTheCores sections
    private static int _threadsBeforeKernels; // libtorch's count to restore when the last one closes

    /// <summary>The policy in force.</summary>
    internal static ThreadPolicy Policy { get; private set; } = ThreadPolicy.OnePoolAtATime;

    /// <summary>How many threads TensorLinear's own parallel loops use.</summary>
    internal static int KernelThreads { get; private set; } = 1;

    /// <summary>Called once by <see cref="EngineLoader"/> with libtorch's thread count as it loaded.</summary>
    internal static void ApplyAtLoad(int libraryThreads)
    {
        _libraryThreads = Math.Max(1, libraryThreads);
        Apply(Policy);
    }

    /// <summary>
    /// For a parallel loop of TensorLinear's own whose threads call libtorch (the blocked QR): while it runs, libtorch
    /// gets one thread, so that the loop's threads and libtorch's pool do not each put a thread on every core; the
    /// policy's count comes back when the last such loop ends. Dispose the result to end the section.
    /// </summary>
    internal static IDisposable KernelsOwnTheCores()
    {
        lock (Gate)
        {
            if (_kernelSections++ == 0)
            {
                _threadsBeforeKernels = torch.get_num_threads();
                if (_threadsBeforeKernels > 1) torch.set_num_threads(1);
            }
        }
        return new Section();
    }

    private sealed class Section : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) != 0) return;
            lock (Gate)
            {
                if (--_kernelSections == 0 && _threadsBeforeKernels > 1) torch.set_num_threads(_threadsBeforeKernels);
            }
        }
    }

    internal static void Apply(ThreadPolicy policy)
    {
        var cores = Math.Max(1, Environment.ProcessorCount);
        lock (Gate)
        {
            var (library, kernel) = policy switch
            {
                ThreadPolicy.OnePoolAtATime => (cores, cores),
                ThreadPolicy.SingleThread => (1, 1),
                ThreadPolicy.LibraryDefaults => (_libraryThreads, _libraryThreads),
                _ => throw new OutOfDomainException(nameof(policy), $"is {policy}, which is not a thread policy"),
            };
            if (_kernelSections > 0) _threadsBeforeKernels = library; // set when the kernels end
            else torch.set_num_threads(library);
            KernelThreads = kernel;
            Policy = policy;
        }
    }
}
