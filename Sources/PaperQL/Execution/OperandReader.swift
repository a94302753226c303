// Compiled operands: how to read an operand's values for one paper. Fields read their column
// directly; constants are fixed; function calls are evaluated per paper through `Value`s (the
// slow, general path, used only where a query calls a function).

enum OperandReader: Sendable {
    case numbers(NumberColumn)
    case strings([StringColumn])
    case constant(Scalar)
    case computed(@Sendable (Int) -> [Scalar])

    static func compile(_ operand: BoundOperand, in context: ExecutionContext) -> OperandReader {
        switch operand.kind {
        case .constant(let scalar):
            return .constant(scalar)
        case .field(let field):
            if field.type.scalar == .string { return .strings(context.stringColumns(field.name)) }
            if let numbers = context.numberColumn(field.name) { return .numbers(numbers) }
            return .constant(.number(.nan))
        case .call(let function, let args):
            let readers = args.map { compile($0, in: context) }
            if let aggregate = function.aggregate, let argument = args.first {
                let reader = readers[0]
                let scalarType = argument.type.scalar
                return .computed { row in
                    let values = reader.values(row)
                    return OperandReader.aggregate(aggregate, values, type: scalarType).map { [$0] } ?? []
                }
            }
            let types = args.map(\.type)
            let returns = function.returns
            return .computed { row in
                var arguments: [Value] = []
                for (reader, type) in zip(readers, types) {
                    let values = reader.values(row).map { $0.value(as: type.scalar) }
                    arguments.append(type.isList ? (values.isEmpty ? .missing : .list(values)) : (values.first ?? .missing))
                }
                return function.body(arguments).elements.compactMap { Scalar($0, as: returns.scalar) }
            }
        }
    }

    /// The operand's values for `row` (empty when missing).
    func values(_ row: Int) -> [Scalar] {
        switch self {
        case .numbers(let c):
            return c.rows.range(of: row).map { .number(c.values[$0]) }
        case .strings(let columns):
            return columns.flatMap { c in c.rows.range(of: row).map { .string(c.string(at: $0)) } }
        case .constant(let s):
            if case .number(let n) = s, n.isNaN { return [] }
            return [s]
        case .computed(let f):
            return f(row)
        }
    }

    static func aggregate(_ aggregate: QueryFunction.Aggregate, _ values: [Scalar], type: FieldType.Scalar) -> Scalar? {
        switch aggregate {
        case .count:
            return .number(Double(values.count))
        case .min:
            return values.min()
        case .max:
            return values.max()
        case .sum, .avg:
            let numbers = values.compactMap { if case .number(let n) = $0 { return n }; return nil }
            guard !numbers.isEmpty else { return aggregate == .sum ? .number(0) : nil }
            let total = numbers.reduce(0, +)
            return .number(aggregate == .sum ? total : total / Double(numbers.count))
        }
    }
}

extension Scalar {
    init?(_ value: Value, as scalar: FieldType.Scalar) {
        switch value {
        case .number(let n): self = .number(n)
        case .string(let s): self = .string(s)
        case .date(let d): self = .number(Double(d.daysSinceEpoch))
        case .bool(let b): self = .number(b ? 1 : 0)
        case .missing, .list: return nil
        }
    }

    /// The scalar as a public value of the given kind.
    func value(as scalar: FieldType.Scalar) -> Value {
        switch (self, scalar) {
        case (.number(let n), .date): return .date(CalendarDate(daysSinceEpoch: Int(n)))
        case (.number(let n), .bool): return .bool(n != 0)
        case (.number(let n), _): return .number(n)
        case (.string(let s), _): return .string(s)
        }
    }
}
