using TorchSharp;
using static TorchSharp.torch;

namespace TensorLinear.Autograd.Tests;

// The engine-wide facts: versions, seeding, and the thread policy.
public sealed class RuntimeTests
{
    [Fact]
    public void TheVersionsAreLibtorch2100AndTorchSharp01070()
    {
        Assert.Equal("2.10.0", Torch.Version);
        Assert.Equal("0.107.0", Torch.TorchSharpVersion);
    }

    [Fact]
    public void SeedingRepeatsTheRandomTensors()
    {
        Torch.ManualSeed(42);
        using var scope = NewDisposeScope();
        var a = randn(5, dtype: float64).ToDoubles();
        var u = rand(5, dtype: float64).ToDoubles();
        Torch.ManualSeed(42);
        Assert.Equal(a, randn(5, dtype: float64).ToDoubles()); // same seed, same draws
        Assert.Equal(u, rand(5, dtype: float64).ToDoubles());
        Torch.ManualSeed(43);
        Assert.NotEqual(a, randn(5, dtype: float64).ToDoubles());
    }
}

// The thread policy changes process-wide settings, so these run alone.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ThreadPolicyCollection
{
    public const string Name = "Thread policy";
}

[Collection(ThreadPolicyCollection.Name)]
public sealed class ThreadPolicyTests
{
    [Fact]
    public void TheDefaultPolicyGivesEveryCoreToLibtorchAndToTheKernels()
    {
        Assert.Equal(ThreadPolicy.OnePoolAtATime, Torch.ThreadPolicy);
        Assert.Equal(Environment.ProcessorCount, Torch.Threads);
        Assert.Equal(Environment.ProcessorCount, Torch.KernelThreads);
    }

    [Fact]
    public void SingleThreadSetsBothPoolsToOneAndTheDefaultComesBack()
    {
        try
        {
            Torch.ThreadPolicy = ThreadPolicy.SingleThread;
            Assert.Equal(ThreadPolicy.SingleThread, Torch.ThreadPolicy);
            Assert.Equal(1, Torch.Threads);
            Assert.Equal(1, Torch.KernelThreads);
        }
        finally
        {
            Torch.ThreadPolicy = ThreadPolicy.OnePoolAtATime;
        }
        Assert.Equal(Environment.ProcessorCount, Torch.Threads);
        Assert.Equal(Environment.ProcessorCount, Torch.KernelThreads);
    }

    [Fact]
    public void LibraryDefaultsRestoresTheCountLibtorchChoseWhenItLoaded()
    {
        // libtorch takes its count from OMP_NUM_THREADS when it loads: with 1, LibraryDefaults must give 1 back after
        // the default policy has set every core (on a one-core machine the two coincide and this shows less).
        var run = ProbeProcess.Run("threads", new Dictionary<string, string> { ["OMP_NUM_THREADS"] = "1" });
        var cores = Environment.ProcessorCount;
        Assert.Equal($"outcome: OnePoolAtATime {cores} {cores}; SingleThread 1 1; LibraryDefaults 1 1", run.Outcome);
        // In this process libtorch chose its own count, at most one per core.
        try
        {
            Torch.ThreadPolicy = ThreadPolicy.LibraryDefaults;
            Assert.InRange(Torch.Threads, 1, cores);
            Assert.Equal(Torch.Threads, Torch.KernelThreads);
        }
        finally
        {
            Torch.ThreadPolicy = ThreadPolicy.OnePoolAtATime;
        }
    }

    [Fact]
    public void AValueThatIsNoPolicyIsRefusedAndChangesNothing()
    {
        Assert.Throws<OutOfDomainException>(() => Torch.ThreadPolicy = (ThreadPolicy)7);
        Assert.Equal(ThreadPolicy.OnePoolAtATime, Torch.ThreadPolicy);
        Assert.Equal(Environment.ProcessorCount, Torch.Threads);
    }
}
