/**
 * Stable diagnostic codes. A code never changes meaning once released; docs/language.md
 * lists each with what it means and how to fix it (a test keeps the two in step).
 */
export const Code = {
    // files, syntax, imports and names
    FileNotFound: 'file-not-found',
    UnreadableFile: 'unreadable-file',
    NotUtf8: 'not-utf8',
    EmptyFile: 'empty-file',
    FileTooLarge: 'file-too-large',
    ModelTooLarge: 'model-too-large',
    SyntaxError: 'syntax-error',
    ImportNotFound: 'import-not-found',
    ImportOutsideWorkspace: 'import-outside-workspace',
    NotChokeFile: 'not-choke-file',
    DuplicateName: 'duplicate-name',
    ReplacesLibrary: 'replaces-library',
    UnknownName: 'unknown-name',
    WrongKind: 'wrong-kind',

    // units and money
    UnitKind: 'unit-kind',
    MoneyCurrency: 'money-currency',
    CurrencyCode: 'currency-code',
    ThresholdUnit: 'threshold-unit',

    // values
    NegativeValue: 'negative-value',
    OutOfRange: 'out-of-range',
    DemandSign: 'demand-sign',
    RangeOrder: 'range-order',
    InvalidDate: 'invalid-date',
    TimingOrder: 'timing-order',
    HorizonOrder: 'horizon-order',
    HorizonTooLong: 'horizon-too-long',
    LifecycleOrder: 'lifecycle-order',

    // structure of declarations
    MultipleHorizons: 'multiple-horizons',
    MultipleSteps: 'multiple-steps',
    PlantMakes: 'plant-makes',
    MultipleTimings: 'multiple-timings',
    TargetConditions: 'target-conditions',
    DuplicateClause: 'duplicate-clause',
    EmptyShock: 'empty-shock',
    EmptyMeasure: 'empty-measure',
    BlocCycle: 'bloc-cycle',
    MetricSubject: 'metric-subject',
    AddNotPlanned: 'add-not-planned',

    // the supply network
    FlowMaterialNotProduced: 'flow-material-not-produced',
    FlowMaterialUnused: 'flow-material-unused',
    FlowOverCapacity: 'flow-over-capacity',
    FlowCycle: 'flow-cycle',
    LeadScope: 'lead-scope',
    PlannedFlowUnreachable: 'planned-flow-unreachable',
    PlantInputUnsupplied: 'plant-input-unsupplied',
    ReserveServesNobody: 'reserve-serves-nobody',
    StockWithoutNeed: 'stock-without-need',

    // scenarios
    ProbabilitySumOver: 'probability-sum-over',
    ProbabilitySum: 'probability-sum',

    // time
    NoHorizon: 'no-horizon',
    OutsideHorizon: 'outside-horizon',
    TargetDateOutsideHorizon: 'target-date-outside-horizon',

    // usage
    UnusedShock: 'unused-shock',
    UnusedMeasure: 'unused-measure',
    UnusedSupplier: 'unused-supplier',

    // explanations from the simulation (metrics-v2 §5; `chokepoint check` on a model without errors)
    NoMatch: 'no-match',
    NoEffect: 'no-effect'
} as const;

export type DiagnosticCode = (typeof Code)[keyof typeof Code];

export const ALL_CODES: readonly DiagnosticCode[] = Object.values(Code);
