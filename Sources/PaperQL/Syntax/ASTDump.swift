// A compact, one-line rendering of the syntax tree as S-expressions, for parser tests and
// debugging: `papers where not a = 1` dumps as `(query papers (where (not (= a 1))))`.

extension Statement {
    var dump: String {
        let q = query.dump
        return binding.map { "(let \($0.text) \(q))" } ?? q
    }
}

extension Query {
    var dump: String {
        var parts = [isCount ? "count" : nil]
        switch source {
        case .papers: parts.append("papers")
        case .named(let name): parts.append(name.text)
        }
        if let filter { parts.append("(where \(filter.dump))") }
        if let groupBy { parts.append("(group \(groupBy.dump))") }
        if let select {
            parts.append("(select " + select.map { item in item.alias.map { "(as \(item.operand.dump) \($0.text))" } ?? item.operand.dump }.joined(separator: " ") + ")")
        }
        if !sort.isEmpty { parts.append("(sort " + sort.map { "(\($0.operand.dump) \($0.descending ? "desc" : "asc"))" }.joined(separator: " ") + ")") }
        if let limit { parts.append("(limit \(limit))") }
        if let offset { parts.append("(offset \(offset))") }
        return "(query " + parts.compactMap { $0 }.joined(separator: " ") + ")"
    }
}

extension Expression {
    var dump: String {
        switch kind {
        case .and(let a, let b): return "(and \(a.dump) \(b.dump))"
        case .or(let a, let b): return "(or \(a.dump) \(b.dump))"
        case .not(let a): return "(not \(a.dump))"
        case .compare(let a, let op, let b): return "(\(op.rawValue) \(a.dump) \(b.dump))"
        case .inList(let a, let values, let negated): return "(\(negated ? "not-in" : "in") \(a.dump) \(values.map(\.dump).joined(separator: " ")))"
        case .between(let a, let lo, let hi): return "(between \(a.dump) \(lo.dump) \(hi.dump))"
        case .contains(let a, let s): return "(contains \(a.dump) \(s.dump))"
        case .matches(let a, let pattern, let flags, _): return "(matches \(a.dump) /\(pattern)/\(flags))"
        case .has(let name): return "(has \(name.text))"
        case .isMissing(let name, let negated): return "(\(negated ? "present" : "missing") \(name.text))"
        }
    }
}

extension Operand {
    var dump: String {
        switch kind {
        case .field(let name): return name.text
        case .literal(let literal): return literal.dump
        case .call(let name, let args): return "(\(name.text)" + args.map { " " + $0.dump }.joined() + ")"
        case .star: return "*"
        }
    }
}

extension Literal {
    var dump: String {
        switch kind {
        case .number(let n, let unit):
            let suffix: String
            switch unit {
            case .plain: suffix = ""
            case .magnitude: suffix = "#mag"
            case .percent: suffix = "#pct"
            case .multiplier: suffix = "#x"
            }
            return NumberFormatting.plain(n) + suffix
        case .string(let s): return "\"\(s)\""
        case .date(let d): return "@\(d)"
        case .bool(let b): return b ? "true" : "false"
        }
    }
}
