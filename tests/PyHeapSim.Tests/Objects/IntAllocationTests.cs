using System.Numerics;
using PyHeapSim.Objects.Types;

namespace PyHeapSim.Tests.Objects;

/// <summary>
/// Digits long arithmetic requests before normalising (<see cref="IntAllocation"/>). Expected values are the
/// traced block sizes CPython 3.8–3.13 report, (bytes − 24) / 4: e.g. <c>2**30 + 2**30</c> allocates 36 bytes
/// while <c>sys.getsizeof</c> says 32.
/// </summary>
public sealed class IntAllocationTests
{
    private static readonly BigInteger A = BigInteger.Pow(2, 30);
    private static readonly BigInteger B = BigInteger.Pow(2, 70);
    private static readonly BigInteger Big = BigInteger.Pow(2, 40);

    [Test]
    public void XAdd_AsksForOneDigitMoreThanTheLongerOperand()
    {
        IntAllocation.Add(A, A).Should().Be(3);
        IntAllocation.Add(A, 1).Should().Be(3);
        IntAllocation.Add(-Big, -Big).Should().Be(3);
    }

    [Test]
    public void XSub_LongerOperand_OrUpToTheHighestDifferingDigit()
    {
        IntAllocation.Subtract(A, 1).Should().Be(2);
        IntAllocation.Subtract(B, Big).Should().Be(3);
        IntAllocation.Subtract(Big, Big - 5).Should().Be(2);
        IntAllocation.Subtract(Big + 7, Big + 3).Should().Be(1);
        IntAllocation.Subtract(Big, Big).Should().Be(0);
        // Different signs add magnitudes: -(2**40) - 2**40 asks for 3 digits.
        IntAllocation.Subtract(-Big, Big).Should().Be(3);
    }

    [Test]
    public void Multiply_SumOfTheOperandSizes()
    {
        IntAllocation.Multiply(A, A).Should().Be(4);
        IntAllocation.Multiply(A * A, A).Should().Be(5);
        IntAllocation.Multiply(Big, 0).Should().Be(0);
    }

    [Test]
    public void Shifts()
    {
        IntAllocation.LeftShift(3, 40).Should().Be(3);
        IntAllocation.LeftShift(Big, 3).Should().Be(3);
        IntAllocation.LeftShift(3, 29).Should().Be(2);
        IntAllocation.RightShift(Big, 3).Should().Be(2);
        IntAllocation.RightShift(B, 40).Should().Be(2);
    }

    [Test]
    public void Division_QuotientAndRemainderSizes()
    {
        IntAllocation.Quotient(Big, 3).Should().Be(2);
        IntAllocation.Quotient(B, 3).Should().Be(3);
        IntAllocation.Quotient(B, Big).Should().Be(2);
        IntAllocation.Remainder(B, A).Should().Be(2);
    }

    [Test]
    public void Power_LastMultiplication()
    {
        IntAllocation.Power(A, 3).Should().Be(5);
        IntAllocation.Power(Big, 2).Should().Be(4);
        IntAllocation.Power(3, 40).Should().Be(4);
        // Both factors one digit: long_mul's fast path asks for the result's own size.
        IntAllocation.Power(1000, 2).Should().Be(-1);
    }

    [Test]
    public void Bitwise_NonNegative()
    {
        IntAllocation.Bitwise('|', Big, 255).Should().Be(2);
        IntAllocation.Bitwise('^', Big, B).Should().Be(3);
        IntAllocation.Bitwise('&', B, Big).Should().Be(2);
    }
}
