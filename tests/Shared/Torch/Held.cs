using TorchSharp;
using static TorchSharp.torch;

namespace TensorLinear.Tests.Torch;

// The numbers the tests hand TorchSharp, as Scalars held for the life of the test process, and a + b with its scale
// held. TorchSharp 0.107 makes a temporary Scalar for every number passed where it takes one (x.pow(3), 2.0 * x) and
// for the 1 in a + b; a collection during the call frees it under libtorch (ScalarLifetimeTests reads the IL of every
// test assembly for such calls). A test that is to fail only for what it tests cannot race the garbage collector.
internal static class Held
{
    internal static readonly Scalar Zero = 0.0, Half = 0.5, One = 1.0, Two = 2.0, Three = 3.0, Four = 4.0, Seven = 7.0;

    /// <summary>a + b.</summary>
    internal static Tensor Plus(this Tensor a, Tensor b) => a.add(b, One);

    /// <summary>a + s.</summary>
    internal static Tensor Plus(this Tensor a, Scalar s) => a.add(s, One);
}
