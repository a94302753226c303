// Every field name a query mentions, read off the syntax tree before anything is resolved: what
// a one-shot load must store for the query to answer as it would on a full load.

enum MentionedFields {
    /// The names (lowercased) of the fields `query` mentions anywhere, or `nil` when it may read
    /// every field (`*`).
    static func of(_ query: Query) -> Set<String>? {
        var names: Set<String> = []
        var everything = false
        func add(_ name: Name) { names.insert(name.text.lowercased()) }
        func visit(_ operand: Operand) {
            switch operand.kind {
            case .field(let name): add(name)
            case .literal: break
            case .call(_, let arguments):
                // `count(*)` counts papers; it reads no field.
                for argument in arguments where argument.kind != .star { visit(argument) }
            case .star: everything = true
            }
        }
        func visit(_ expression: Expression) {
            switch expression.kind {
            case .and(let a, let b), .or(let a, let b): visit(a); visit(b)
            case .not(let a): visit(a)
            case .compare(let a, _, let b): visit(a); visit(b)
            case .inList(let a, _, _), .between(let a, _, _), .contains(let a, _), .matches(let a, _, _, _): visit(a)
            case .has(let name), .isMissing(let name, _): add(name)
            }
        }
        query.filter.map(visit)
        query.groupBy.map(visit)
        query.select?.forEach { visit($0.operand) }
        query.sort.forEach { visit($0.operand) }
        return everything ? nil : names
    }
}
