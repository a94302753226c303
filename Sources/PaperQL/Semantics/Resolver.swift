// Name resolution and type checking: the syntax tree and a schema in, a `BoundQuery` out, or
// every problem found, each a diagnostic with a range and, where one is likely, a suggestion.
// Runs before any paper is read, so a typo costs nothing.

struct Resolver {
    let schema: Schema
    let functions: [String: QueryFunction]
    /// `let` results visible to the statement: their rows.
    let bindings: [String: [Int32]]
    let source: String

    private var diagnostics: [Diagnostic] = []

    init(schema: Schema, functions: [String: QueryFunction], bindings: [String: [Int32]], source: String) {
        self.schema = schema
        self.functions = functions
        self.bindings = bindings
        self.source = source
    }

    /// The bound statement, or every diagnostic found in it.
    static func resolve(_ statement: Statement, schema: Schema, functions: [String: QueryFunction],
                        bindings: [String: [Int32]], source: String) -> Result<BoundQuery, QueryError> {
        var resolver = Resolver(schema: schema, functions: functions, bindings: bindings, source: source)
        let bound = resolver.bind(statement)
        if resolver.diagnostics.isEmpty, let bound { return .success(bound) }
        let sorted = resolver.diagnostics.sorted { $0.range.start < $1.range.start }
        return .failure(QueryError(diagnostics: sorted.isEmpty
            ? [Diagnostic(code: .syntax, message: "the statement could not be resolved", range: statement.range)] : sorted,
            source: source))
    }

    private func text(_ range: SourceRange) -> String {
        let utf8 = source.utf8
        guard range.start.offset <= range.end.offset, range.end.offset <= utf8.count else { return "" }
        let lo = utf8.index(utf8.startIndex, offsetBy: range.start.offset)
        let hi = utf8.index(utf8.startIndex, offsetBy: range.end.offset)
        return String(source[lo..<hi])
    }

    private mutating func report(_ code: Diagnostic.Code, _ message: String, _ range: SourceRange,
                                 suggestion: String? = nil, hints: [String] = []) {
        diagnostics.append(Diagnostic(code: code, message: message, range: range, suggestion: suggestion, hints: hints))
    }

    // MARK: - Statements

    private mutating func bind(_ statement: Statement) -> BoundQuery? {
        let query = statement.query
        if let binding = statement.binding {
            if query.isCount || query.groupBy != nil {
                report(.misplacedClause, "`let` can only name a list of papers, not a \(query.isCount ? "count" : "grouped result")",
                       binding.range, suggestion: "drop `\(query.isCount ? "count" : "group by")`, or the `let`")
            }
            if Keyword(rawValue: binding.text.lowercased()) != nil {
                report(.syntax, "`\(binding.text)` is a keyword and cannot name a result", binding.range)
            }
        }

        let source: BoundSource
        switch query.source {
        case .papers:
            source = .papers
        case .named(let name):
            if let rows = bindings[name.text] {
                source = .named(name.text, rows)
            } else {
                var suggestion: String?
                if let near = Suggestions.closest(to: name.text, among: Array(bindings.keys) + ["papers"]) {
                    suggestion = "did you mean `\(near)`?"
                } else if schema.field(named: name.text) != nil {
                    suggestion = "queries start with `papers`: `papers where \(name.text) …`"
                } else {
                    suggestion = bindings.isEmpty ? "queries start with `papers`" : "known names: papers, \(bindings.keys.sorted().joined(separator: ", "))"
                }
                report(.unknownName, "unknown result set `\(name.text)`", name.range, suggestion: suggestion)
                source = .papers
            }
        }

        let filter = query.filter.flatMap { bind($0) }
        var conjuncts: [BoundExpression] = []
        if let filter {
            if case .and(let parts) = filter { conjuncts = parts } else { conjuncts = [filter] }
        }

        if query.isCount {
            for (keyword, range) in query.clauseRanges where [.group, .select, .sort, .limit, .offset].contains(keyword) {
                report(.misplacedClause, "`count` yields one number; it cannot take `\(keyword == .group ? "group by" : keyword == .sort ? "sort by" : keyword.rawValue)`",
                       range, suggestion: keyword == .group ? "drop `count`: `group by` counts each group" : "drop the clause")
            }
            return BoundQuery(shape: .count, binding: statement.binding?.text, source: source, filter: filter, sort: [],
                              limit: nil, offset: nil, fields: Set((filter?.fields ?? []).map(\.name)), text: text(statement.range),
                              conjuncts: conjuncts)
        }

        if let groupOperand = query.groupBy {
            return bindGrouped(query, key: groupOperand, statement: statement, source: source, filter: filter, conjuncts: conjuncts)
        }

        // A paper list: the selected columns, or id, title and every field the query mentions.
        var columns: [BoundColumn] = []
        if let items = query.select {
            for item in items {
                if case .star = item.operand.kind {
                    for field in schema.fields where field.name != "text" {
                        columns.append(BoundColumn(name: field.name, operand: operand(for: field, range: item.operand.range)))
                    }
                    continue
                }
                if let bound = bindOperand(item.operand, context: .select) {
                    columns.append(BoundColumn(name: item.alias?.text ?? bound.text, operand: bound))
                }
            }
        }
        var sort: [BoundSortKey] = []
        for key in query.sort {
            if case .field(let name) = key.operand.kind, schema.field(named: name.text) == nil,
               let index = columns.firstIndex(where: { $0.name == name.text }) {
                sort.append(BoundSortKey(target: .column(index), descending: key.descending))
                continue
            }
            if let bound = bindOperand(key.operand, context: .sort) {
                sort.append(BoundSortKey(target: .operand(bound), descending: key.descending))
            }
        }
        if query.select == nil {
            var names: [String] = ["id", "title"]
            var mentioned = (filter?.fields ?? [])
            for key in sort { if case .operand(let o) = key.target { mentioned += o.fields } }
            for field in mentioned where !names.contains(field.name) && field.name != "text" {
                names.append(field.name)
            }
            columns = names.compactMap { name in
                schema.field(named: name).map { BoundColumn(name: name, operand: operand(for: $0, range: query.range)) }
            }
        }
        var fields = Set((filter?.fields ?? []).map(\.name))
        for column in columns { fields.formUnion(column.operand.fields.map(\.name)) }
        for key in sort { if case .operand(let o) = key.target { fields.formUnion(o.fields.map(\.name)) } }
        return BoundQuery(shape: .papers(columns), binding: statement.binding?.text, source: source, filter: filter,
                          sort: sort, limit: query.limit, offset: query.offset, fields: fields, text: text(statement.range),
                          conjuncts: conjuncts)
    }

    private func operand(for field: FieldDescriptor, range: SourceRange) -> BoundOperand {
        BoundOperand(kind: .field(field), type: field.type, style: field.numberStyle, range: range, text: field.name)
    }

    private mutating func bindGrouped(_ query: Query, key keyOperand: Operand, statement: Statement, source: BoundSource,
                                      filter: BoundExpression?, conjuncts: [BoundExpression]) -> BoundQuery? {
        if case .literal = keyOperand.kind {
            report(.misplacedClause, "`group by` takes a field or a function of one, not a value", keyOperand.range)
            return nil
        }
        guard let key = bindOperand(keyOperand, context: .condition) else { return nil }
        let keyName = key.text.lowercased()
        func isKey(_ operand: Operand) -> Bool { text(operand.range).lowercased() == keyName }
        var items: [BoundGroupItem] = []
        let keyItem = BoundGroupItem(name: key.text, kind: .key, type: FieldType(key.type.scalar), style: key.style, hidden: false)
        if let select = query.select {
            for item in select {
                if isKey(item.operand) {
                    items.append(BoundGroupItem(name: item.alias?.text ?? key.text, kind: .key, type: keyItem.type, style: keyItem.style, hidden: false))
                    continue
                }
                switch item.operand.kind {
                case .field(let name) where name.text.lowercased() == "count" && schema.field(named: "count") == nil:
                    items.append(BoundGroupItem(name: item.alias?.text ?? "count", kind: .paperCount, type: .number, style: .plain, hidden: false))
                case .call:
                    if let aggregate = bindGroupAggregate(item.operand, name: item.alias?.text) { items.append(aggregate) }
                default:
                    report(.misplacedClause, "`\(text(item.operand.range))` is not the group key or an aggregate",
                           item.operand.range, suggestion: "with `group by \(key.text)`, select `\(key.text)`, `count()`, or aggregates such as `avg(params)`")
                }
            }
        } else {
            items = [keyItem, BoundGroupItem(name: "count", kind: .paperCount, type: .number, style: .plain, hidden: false)]
        }
        var sort: [BoundSortKey] = []
        for sortKey in query.sort {
            let written = text(sortKey.operand.range)
            if let index = items.firstIndex(where: { $0.name.lowercased() == written.lowercased() }) {
                sort.append(BoundSortKey(target: .column(index), descending: sortKey.descending))
            } else if case .field(let name) = sortKey.operand.kind, name.text.lowercased() == "count" {
                items.append(BoundGroupItem(name: "count", kind: .paperCount, type: .number, style: .plain, hidden: true))
                sort.append(BoundSortKey(target: .column(items.count - 1), descending: sortKey.descending))
            } else if isKey(sortKey.operand) {
                items.append(BoundGroupItem(name: key.text, kind: .key, type: keyItem.type, style: keyItem.style, hidden: true))
                sort.append(BoundSortKey(target: .column(items.count - 1), descending: sortKey.descending))
            } else if case .call = sortKey.operand.kind, let aggregate = bindGroupAggregate(sortKey.operand, name: nil, hidden: true) {
                items.append(aggregate)
                sort.append(BoundSortKey(target: .column(items.count - 1), descending: sortKey.descending))
            } else if case .field = sortKey.operand.kind {
                report(.misplacedClause, "cannot sort groups by `\(written)`", sortKey.operand.range,
                       suggestion: "sort by `count`, `\(key.text)` or an aggregate such as `avg(params)`")
            }
        }
        if query.sort.isEmpty {
            // Default order: largest groups first, ties by key.
            let countIndex = items.firstIndex { if case .paperCount = $0.kind { return true }; return false }
                ?? { items.append(BoundGroupItem(name: "count", kind: .paperCount, type: .number, style: .plain, hidden: true)); return items.count - 1 }()
            let keyIndex = items.firstIndex { if case .key = $0.kind { return true }; return false }
                ?? { items.append(BoundGroupItem(name: key.text, kind: .key, type: keyItem.type, style: keyItem.style, hidden: true)); return items.count - 1 }()
            sort = [BoundSortKey(target: .column(countIndex), descending: true), BoundSortKey(target: .column(keyIndex), descending: false)]
        }
        var fields = Set((filter?.fields ?? []).map(\.name))
        fields.formUnion(key.fields.map(\.name))
        for item in items { if case .aggregate(_, let arg) = item.kind { fields.formUnion(arg.fields.map(\.name)) } }
        return BoundQuery(shape: .groups(key: key, items: items), binding: statement.binding?.text, source: source,
                          filter: filter, sort: sort, limit: query.limit, offset: query.offset, fields: fields,
                          text: text(statement.range), conjuncts: conjuncts)
    }

    /// `count()`, `count(*)`, `count(x)`, `avg(params)`, `max(max(params))` over a group.
    private mutating func bindGroupAggregate(_ operand: Operand, name: String?, hidden: Bool = false) -> BoundGroupItem? {
        guard case .call(let fname, let args) = operand.kind else { return nil }
        guard let function = lookupFunction(fname) else { return nil }
        let written = text(operand.range)
        guard let aggregate = function.aggregate else {
            report(.misplacedClause, "`\(fname.text)` is not an aggregate; with `group by`, select the group field or aggregates",
                   operand.range, suggestion: "aggregates are count, min, max, sum, avg")
            return nil
        }
        if aggregate == .count, args.isEmpty || (args.count == 1 && args[0].kind == .star) {
            return BoundGroupItem(name: name ?? "count", kind: .paperCount, type: .number, style: .plain, hidden: hidden)
        }
        guard args.count == 1 else {
            report(.typeMismatch, "`\(fname.text)` takes one argument, got \(args.count)", operand.range)
            return nil
        }
        guard let argument = bindOperand(args[0], context: .aggregateArgument) else { return nil }
        guard let type = aggregateResult(aggregate, argument: argument, range: operand.range) else { return nil }
        let style = aggregate == .count ? NumberStyle.plain : argument.style
        return BoundGroupItem(name: name ?? written, kind: .aggregate(aggregate, argument), type: type, style: style, hidden: hidden)
    }

    private mutating func aggregateResult(_ aggregate: QueryFunction.Aggregate, argument: BoundOperand, range: SourceRange) -> FieldType? {
        switch aggregate {
        case .count:
            return .number
        case .min, .max:
            return FieldType(argument.type.scalar)
        case .sum, .avg:
            guard argument.type.scalar == .number else {
                report(.typeMismatch, "`\(aggregate.rawValue)` needs numbers; `\(argument.text)` is \(argument.type)", range)
                return nil
            }
            return .number
        }
    }

    // MARK: - Fields and functions

    private mutating func field(_ name: Name) -> FieldDescriptor? {
        if let field = schema.field(named: name.text) { return field }
        var suggestion: String?
        if let near = Suggestions.closest(to: name.text, among: schema.names) {
            let descriptor = schema.field(named: near)!
            suggestion = "did you mean `\(near)` (\(descriptor.provider))?"
        } else if let owner = schema.fields.first(where: { f in
            (f.vocabulary ?? []).contains(name.text.lowercased()) || f.aliases[name.text.lowercased()] != nil
        }) {
            suggestion = "did you mean `\(owner.name) = \"\(name.text)\"`? strings are quoted"
        }
        report(.unknownField, "unknown field `\(name.text)`", name.range, suggestion: suggestion, hints: schema.names)
        return nil
    }

    private mutating func lookupFunction(_ name: Name) -> QueryFunction? {
        if let function = functions[name.text.lowercased()] { return function }
        let near = Suggestions.closest(to: name.text, among: functions.keys.sorted())
        report(.unknownFunction, "unknown function `\(name.text)`", name.range,
               suggestion: near.map { "did you mean `\($0)`?" } ?? "functions: \(functions.keys.sorted().joined(separator: ", "))",
               hints: functions.keys.sorted())
        return nil
    }

    private enum OperandContext { case condition, select, sort, aggregateArgument }

    private mutating func bindOperand(_ operand: Operand, context: OperandContext) -> BoundOperand? {
        let written = text(operand.range)
        switch operand.kind {
        case .field(let name):
            guard let f = field(name) else { return nil }
            return BoundOperand(kind: .field(f), type: f.type, style: f.numberStyle, range: operand.range, text: f.name)
        case .literal(let literal):
            let (scalar, type, style) = constant(literal)
            return BoundOperand(kind: .constant(scalar), type: type, style: style, range: operand.range, text: written)
        case .star:
            report(.syntax, "`*` only stands alone in `select` or in `count(*)`", operand.range)
            return nil
        case .call(let name, let args):
            guard let function = lookupFunction(name) else { return nil }
            if let aggregate = function.aggregate {
                if args.isEmpty || (args.count == 1 && args[0].kind == .star) {
                    report(.misplacedClause, "`\(name.text)()` counts papers only with `group by`", operand.range,
                           suggestion: "use `count papers where …` to count papers, or `count(field)` for a paper's values")
                    return nil
                }
                guard args.count == 1 else {
                    report(.typeMismatch, "`\(name.text)` takes one argument, got \(args.count)", operand.range)
                    return nil
                }
                guard let argument = bindOperand(args[0], context: .aggregateArgument) else { return nil }
                if aggregate != .count, argument.type.scalar == .bool {
                    report(.typeMismatch, "`\(name.text)` needs numbers, dates or strings; `\(argument.text)` is \(argument.type)", operand.range)
                    return nil
                }
                guard let type = aggregateResult(aggregate, argument: argument, range: operand.range) else { return nil }
                return BoundOperand(kind: .call(function, [argument]), type: type,
                                    style: aggregate == .count ? .plain : argument.style, range: operand.range, text: written)
            }
            guard args.count == function.arguments.count else {
                report(.typeMismatch, "`\(function.name)` takes \(function.arguments.count) argument\(function.arguments.count == 1 ? "" : "s"), got \(args.count)",
                       operand.range, suggestion: function.signature)
                return nil
            }
            var bound: [BoundOperand] = []
            for (arg, expected) in zip(args, function.arguments) {
                guard let b = bindOperand(arg, context: context) else { return nil }
                if b.type.scalar != expected.scalar || (b.type.isList && !expected.isList) {
                    let hint = b.type.isList && !expected.isList ? "apply an aggregate first, such as `max(\(b.text))`" : function.signature
                    report(.typeMismatch, "`\(function.name)` takes \(expected), but `\(b.text)` is \(b.type)", arg.range, suggestion: hint)
                    return nil
                }
                bound.append(b)
            }
            return BoundOperand(kind: .call(function, bound), type: function.returns, style: .plain, range: operand.range, text: written)
        }
    }

    private func constant(_ literal: Literal) -> (Scalar, FieldType, NumberStyle) {
        switch literal.kind {
        case .number(let n, let unit):
            let style: NumberStyle = unit == .magnitude ? .magnitude : unit == .percent ? .percent : unit == .multiplier ? .multiplier : .plain
            return (.number(n), .number, style)
        case .string(let s): return (.string(s), .string, .plain)
        case .date(let d): return (.number(Double(d.daysSinceEpoch)), .date, .plain)
        case .bool(let b): return (.number(b ? 1 : 0), .bool, .plain)
        }
    }

    // MARK: - Conditions

    private mutating func bind(_ expression: Expression) -> BoundExpression? {
        switch expression.kind {
        case .and(let a, let b):
            let (x, y) = (bind(a), bind(b))
            guard let x, let y else { return nil }
            var parts: [BoundExpression] = []
            for part in [x, y] { if case .and(let inner) = part { parts += inner } else { parts.append(part) } }
            return .and(parts)
        case .or(let a, let b):
            let (x, y) = (bind(a), bind(b))
            guard let x, let y else { return nil }
            var parts: [BoundExpression] = []
            for part in [x, y] { if case .or(let inner) = part { parts += inner } else { parts.append(part) } }
            return .or(parts)
        case .not(let inner):
            return bind(inner).map { .not($0) }
        case .has(let name):
            guard let f = field(name) else { return nil }
            return .predicate(BoundPredicate(kind: .has(f), range: expression.range, text: text(expression.range)))
        case .isMissing(let name, let negated):
            guard let f = field(name) else { return nil }
            let has = BoundExpression.predicate(BoundPredicate(kind: .has(f), range: expression.range, text: text(expression.range)))
            return negated ? has : .not(has)
        case .compare(let l, let op, let r):
            let (left, right) = (bindOperand(l, context: .condition), bindOperand(r, context: .condition))
            guard var left, var right else { return nil }
            guard let (a, b) = unify(left, right, op: op, range: expression.range) else { return nil }
            (left, right) = (a, b)
            if case .constant = left.kind, !isConstant(right) {
                // Keep the field on the left: `10B > params` is `params < 10B`.
                return predicate(.compare(right, op.flipped, left), expression, negate: op == .notEqual)
            }
            return predicate(.compare(left, op == .notEqual ? .equal : op, right), expression, negate: op == .notEqual)
        case .inList(let l, let literals, let negated):
            guard let left = bindOperand(l, context: .condition) else { return nil }
            var values: [Scalar] = []
            for literal in literals {
                guard let value = literalValue(literal, for: left) else { return nil }
                values.append(value)
            }
            return predicate(.inList(left, values), expression, negate: negated)
        case .between(let l, let low, let high):
            guard let left = bindOperand(l, context: .condition) else { return nil }
            if left.type.scalar == .bool {
                report(.typeMismatch, "`between` needs numbers, dates or strings; `\(left.text)` is \(left.type)", l.range)
                return nil
            }
            guard let lo = literalValue(low, for: left), let hi = literalValue(high, for: left) else { return nil }
            return predicate(.between(left, lo, hi), expression, negate: false)
        case .contains(let l, let needle):
            guard let left = bindOperand(l, context: .condition) else { return nil }
            guard left.type.scalar == .string else {
                report(.typeMismatch, "`contains` needs text; `\(left.text)` is \(left.type)", l.range,
                       suggestion: left.type.scalar == .number ? "compare numbers with =, <, >, or `between`" : nil)
                return nil
            }
            guard case .string(let s) = needle.kind else { return nil }
            return predicate(.contains(left, s.lowercased()), expression, negate: false)
        case .matches(let l, let pattern, let flags, let patternRange):
            guard let left = bindOperand(l, context: .condition) else { return nil }
            guard left.type.scalar == .string else {
                report(.typeMismatch, "`matches` needs text; `\(left.text)` is \(left.type)", l.range)
                return nil
            }
            do {
                let regex = try CompiledRegex(pattern: pattern, flags: flags)
                return predicate(.matches(left, regex), expression, negate: false)
            } catch {
                report(.badRegex, "bad regex /\(pattern)/", patternRange,
                       suggestion: "check its brackets, parentheses, quantifiers and escapes")
                return nil
            }
        }
    }

    private func isConstant(_ operand: BoundOperand) -> Bool {
        if case .constant = operand.kind { return true }
        return false
    }

    private func predicate(_ kind: BoundPredicate.Kind, _ expression: Expression, negate: Bool) -> BoundExpression {
        let bound = BoundExpression.predicate(BoundPredicate(kind: kind, range: expression.range, text: text(expression.range)))
        return negate ? .not(bound) : bound
    }

    /// Checks that two operands can be compared, converting a string literal to a date or a
    /// topic alias to its canonical topic where the other side asks for it.
    private mutating func unify(_ left: BoundOperand, _ right: BoundOperand, op: ComparisonOperator,
                                range: SourceRange) -> (BoundOperand, BoundOperand)? {
        var (a, b) = (left, right)
        if a.type.scalar == .date, case .constant(.string(let s)) = b.kind, let d = CalendarDate(iso: s) {
            b = BoundOperand(kind: .constant(.number(Double(d.daysSinceEpoch))), type: .date, style: .plain, range: b.range, text: b.text)
        }
        if b.type.scalar == .date, case .constant(.string(let s)) = a.kind, let d = CalendarDate(iso: s) {
            a = BoundOperand(kind: .constant(.number(Double(d.daysSinceEpoch))), type: .date, style: .plain, range: a.range, text: a.text)
        }
        guard a.type.scalar == b.type.scalar else {
            var suggestion: String?
            if a.type.scalar == .string, b.type.scalar == .number { suggestion = "`\(a.text)` is text: compare it with a quoted string, or use `contains`" }
            if a.type.scalar == .number, b.type.scalar == .string { suggestion = "`\(a.text)` is a number: compare it with a number such as 10B" }
            if a.type.scalar == .date { suggestion = "write dates as 2024-03-11" }
            report(.typeMismatch, "cannot compare `\(a.text)` (\(a.type)) with `\(b.text)` (\(b.type))", range, suggestion: suggestion)
            return nil
        }
        if a.type.scalar == .bool, op != .equal, op != .notEqual {
            report(.typeMismatch, "booleans compare only with = and !=", range)
            return nil
        }
        if case .field(let f) = a.kind, case .constant(.string(let s)) = b.kind {
            guard let canonical = vocabularyValue(s, of: f, range: b.range) else { return nil }
            b = BoundOperand(kind: .constant(.string(canonical)), type: b.type, style: b.style, range: b.range, text: b.text)
        }
        if case .field(let f) = b.kind, case .constant(.string(let s)) = a.kind {
            guard let canonical = vocabularyValue(s, of: f, range: a.range) else { return nil }
            a = BoundOperand(kind: .constant(.string(canonical)), type: a.type, style: a.style, range: a.range, text: a.text)
        }
        return (a, b)
    }

    /// A literal in the terms of the operand it is compared with.
    private mutating func literalValue(_ literal: Literal, for operand: BoundOperand) -> Scalar? {
        let (scalar, type, _) = constant(literal)
        var value = scalar
        var valueType = type
        if operand.type.scalar == .date, case .string(let s) = scalar, let d = CalendarDate(iso: s) {
            value = .number(Double(d.daysSinceEpoch))
            valueType = .date
        }
        guard valueType.scalar == operand.type.scalar else {
            report(.typeMismatch, "`\(text(literal.range))` is \(valueType), but `\(operand.text)` is \(operand.type)", literal.range)
            return nil
        }
        if case .field(let f) = operand.kind, case .string(let s) = value {
            guard let canonical = vocabularyValue(s, of: f, range: literal.range) else { return nil }
            return .string(canonical)
        }
        return value
    }

    /// `s` as a value of `field`: aliases resolved, checked against a closed vocabulary.
    private mutating func vocabularyValue(_ s: String, of field: FieldDescriptor, range: SourceRange) -> String? {
        let lower = s.lowercased()
        if let canonical = field.aliases[lower] { return canonical }
        guard let vocabulary = field.vocabulary else { return s }
        if vocabulary.contains(lower) { return lower }
        let near = Suggestions.closest(to: lower, among: vocabulary + field.aliases.keys.sorted())
        report(.unknownValue, "unknown \(field.name) \"\(s)\"", range,
               suggestion: near.map { "did you mean \"\(field.aliases[$0] ?? $0)\"?" }
                   ?? (vocabulary.count <= 12 ? "known values: \(vocabulary.joined(separator: ", "))"
                       : "`paperql fields` lists the \(vocabulary.count) known values (`.fields \(field.name)` in the REPL)"),
               hints: vocabulary)
        return nil
    }
}

