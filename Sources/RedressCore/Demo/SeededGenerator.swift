/// SplitMix64: a small, fast random number generator whose whole sequence follows from its seed.
///
/// The demo office draws every case from a generator seeded with the office seed and the case's
/// number, so case 42 of seed 7 is the same whether 100 or 1,000,000 cases are made, and cases
/// can be drawn in any order.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for item `index` of the stream named by `seed`: independent of every other index.
    public init(seed: UInt64, index: UInt64) {
        var mixer = SeededGenerator(seed: seed ^ 0x5DEE_CE66_D1CE_4E5B)
        state = mixer.next() ^ (index &* 0x9E37_79B9_7F4A_7C15)
        _ = next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Whether an event of probability `p` (0…1) happens.
    public mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < p
    }

    /// An integer in `range`, spread evenly (to within 2⁻⁶⁴) by a multiply-shift of one draw, so
    /// the sequence depends on nothing but this type.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: span).high)
    }

    /// A uniformly chosen element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[int(in: 0...(items.count - 1))]
    }

    /// An element chosen with the given relative weights (all ≥ 0, not all 0).
    public mutating func pick<T>(_ items: [(T, Int)]) -> T {
        let total = items.reduce(0) { $0 + $1.1 }
        var draw = int(in: 0...(total - 1))
        for (item, weight) in items {
            if draw < weight { return item }
            draw -= weight
        }
        return items[items.count - 1].0
    }
}
