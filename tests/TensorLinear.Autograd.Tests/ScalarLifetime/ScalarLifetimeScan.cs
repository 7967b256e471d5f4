using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace TensorLinear.Autograd.Tests.ScalarLifetime;

/// <summary>One place in compiled code that hands libtorch a <c>TorchSharp.Scalar</c> nobody holds.</summary>
internal sealed record Finding(string Method, string What);

// A TorchSharp Scalar is a finalizable wrapper of a native c10::Scalar. Made as a temporary (a number converted
// implicitly, or Tensor.ToScalar()) and passed on by its handle, nothing keeps it alive while libtorch reads it: a
// collection during the call frees it (Runtime/LibTorchSharpExports has the rates measured). This scan reads the IL,
// so it sees the temporaries the compiler makes for operators and for TorchSharp's own overloads (a + b is
// a.add(b, 1) in TorchSharp 0.107), which no reading of our source shows.
internal static class ScalarLifetimeScan
{
    private const string ScalarType = "TorchSharp.Scalar";

    /// <summary>
    /// The members of TorchSharp that make a Scalar they do not hold, and every member of it that calls one of those:
    /// to call any of them is to race the garbage collector.
    /// </summary>
    internal static HashSet<string> HazardousMembers(AssemblyDefinition torchSharp)
    {
        var methods = Bodies(torchSharp).Where(m => m.DeclaringType.FullName != ScalarType).ToArray();
        var hazards = methods.Where(m => UnheldScalars(m).Any()).Select(m => m.FullName).ToHashSet();
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var m in methods)
                if (!hazards.Contains(m.FullName) && Calls(m).Any(c => hazards.Contains(c.FullName)))
                    grew = hazards.Add(m.FullName);
        }
        return hazards;
    }

    /// <summary>Every method of <paramref name="assembly"/> that calls a hazardous member or makes a Scalar it does not hold.</summary>
    internal static IEnumerable<Finding> Scan(AssemblyDefinition assembly, HashSet<string> hazards)
    {
        foreach (var m in Bodies(assembly))
        {
            foreach (var c in Calls(m).Where(c => hazards.Contains(c.FullName)).Select(c => c.FullName).Distinct())
                yield return new Finding(m.FullName, $"calls {c}, which hands libtorch a Scalar nobody holds");
            foreach (var c in UnheldScalars(m).Distinct())
                yield return new Finding(m.FullName, $"makes a Scalar by {c} and does not hold it (a using local or a static field)");
        }
    }

    private static IEnumerable<MethodDefinition> Bodies(AssemblyDefinition assembly) =>
        assembly.Modules.SelectMany(module => module.GetTypes()).SelectMany(t => t.Methods).Where(m => m.HasBody);

    private static IEnumerable<MethodReference> Calls(MethodDefinition m) =>
        m.Body.Instructions.Select(i => i.Operand).OfType<MethodReference>();

    private static bool MakesScalar(MethodReference r) =>
        r.ReturnType.FullName == ScalarType && (r.Name == "op_Implicit" || r.Name == "ToScalar");

    // A Scalar is held when the call that makes it is followed at once by a store to a static field (alive for the
    // process), or to a local or an instance field (a closure's) that the method later disposes: what `using` and F#'s
    // `use` compile to. Anything else is a temporary.
    private static IEnumerable<string> UnheldScalars(MethodDefinition m)
    {
        m.Body.SimplifyMacros();
        var body = m.Body.Instructions;
        for (var k = 0; k < body.Count; k++)
        {
            if (body[k].Operand is not MethodReference r || !MakesScalar(r)) continue;
            var store = body[k].Next;
            var held = store is not null && (store.OpCode.Code == Code.Stsfld || IsDisposedLater(m, store));
            if (!held) yield return r.FullName;
        }
    }

    private static bool IsDisposedLater(MethodDefinition m, Instruction store)
    {
        var slot = Slot(store, Code.Stloc, Code.Stfld);
        if (slot is null) return false;
        return m.Body.Instructions.Any(i => Disposes(i.Next) && Equals(Slot(i, Code.Ldloc, Code.Ldfld), slot));
    }

    // C#'s using calls Dispose on the slot; F#'s use first casts it (isinst IDisposable) to a temporary it disposes.
    private static bool Disposes(Instruction? i) =>
        i?.Operand is MethodReference { Name: "Dispose" }
        || i?.OpCode.Code == Code.Isinst && ((TypeReference)i.Operand).FullName == "System.IDisposable";

    // The slot an instruction stores to or loads from: a local (macros simplified, so stloc.0 … stloc.s are all stloc
    // with the variable as operand) or a field, by name; null for anything else.
    private static object? Slot(Instruction i, Code local, Code field) =>
        i.OpCode.Code == local ? i.Operand
        : i.OpCode.Code == field ? ((FieldReference)i.Operand).FullName
        : null;
}
