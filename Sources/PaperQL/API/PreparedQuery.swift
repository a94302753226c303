// A checked, compiled query: prepare once, run many times, from any thread.

/// A statement ready to run. Create one with ``Engine/prepare(_:)`` or ``Session/prepare(_:)``.
public struct PreparedQuery: Sendable {
    let engine: Engine
    let query: BoundQuery
    let plan: PlanNode?
    let context: ExecutionContext

    /// The name a `let` statement binds, if this is one.
    public var binding: String? { query.binding }

    /// The fields the query reads.
    public var fields: [String] { query.fields.sorted() }

    /// Runs the query. Checks for task cancellation while it works.
    ///
    /// - Throws: `CancellationError` when the surrounding task is cancelled.
    public func run() throws -> QueryResult {
        try Executor(query: query, plan: plan, context: context).run()
    }

    /// How the query will run, and how many papers each part of its `where` clause keeps.
    public func explain() throws -> QueryExplanation {
        try Explainer(query: query, plan: plan, context: context).explain()
    }
}
