// The Aurora scheduler's Thrift API (0.22/0.23), written for this client. Names, field ids, types
// and requiredness match what the scheduler speaks, so both sides decode each other's bytes,
// including fields this client never reads. Fields the scheduler no longer uses keep their id gaps.

namespace cpp aurora.gen

// ---------------------------------------------------------------------------------------------
// Enumerations

enum ResponseCode {
  INVALID_REQUEST    = 0,
  OK                 = 1,
  ERROR              = 2,
  WARNING            = 3,
  AUTH_FAILED        = 4,
  JOB_UPDATING_ERROR = 5,
  ERROR_TRANSIENT    = 6
}

enum MaintenanceMode {
  NONE      = 1,
  SCHEDULED = 2,
  DRAINING  = 3,
  DRAINED   = 4
}

enum Mode {
  RW = 1,
  RO = 2
}

enum CronCollisionPolicy {
  KILL_EXISTING = 0,
  CANCEL_NEW    = 1,
  RUN_OVERLAP   = 2   // rejected by createJob; old jobs treat it as CANCEL_NEW
}

enum ScheduleStatus {
  PENDING     = 0,
  STARTING    = 1,
  RUNNING     = 2,
  FINISHED    = 3,
  FAILED      = 4,
  KILLED      = 5,
  KILLING     = 6,
  LOST        = 7,
  ASSIGNED    = 9,
  INIT        = 11,
  RESTARTING  = 12,
  PREEMPTING  = 13,
  THROTTLED   = 16,
  DRAINING    = 17,
  PARTITIONED = 18
}

enum JobUpdateStatus {
  ROLLING_FORWARD             = 0,
  ROLLING_BACK                = 1,
  ROLL_FORWARD_PAUSED         = 2,
  ROLL_BACK_PAUSED            = 3,
  ROLLED_FORWARD              = 4,
  ROLLED_BACK                 = 5,
  ABORTED                     = 6,
  ERROR                       = 7,
  FAILED                      = 8,
  ROLL_FORWARD_AWAITING_PULSE = 9,
  ROLL_BACK_AWAITING_PULSE    = 10
}

enum JobUpdateAction {
  INSTANCE_UPDATED         = 1,
  INSTANCE_ROLLED_BACK     = 2,
  INSTANCE_UPDATING        = 3,
  INSTANCE_ROLLING_BACK    = 4,
  INSTANCE_UPDATE_FAILED   = 5,
  INSTANCE_ROLLBACK_FAILED = 6
}

enum JobUpdatePulseStatus {
  OK       = 1,
  FINISHED = 2
}

// ---------------------------------------------------------------------------------------------
// Constants

const string AURORA_EXECUTOR_NAME = 'AuroraExecutor'

const set<ScheduleStatus> ACTIVE_STATES = [
  ScheduleStatus.ASSIGNED, ScheduleStatus.DRAINING, ScheduleStatus.KILLING,
  ScheduleStatus.PENDING, ScheduleStatus.PREEMPTING, ScheduleStatus.RESTARTING,
  ScheduleStatus.RUNNING, ScheduleStatus.STARTING, ScheduleStatus.PARTITIONED,
  ScheduleStatus.THROTTLED]

const set<ScheduleStatus> SLAVE_ASSIGNED_STATES = [
  ScheduleStatus.ASSIGNED, ScheduleStatus.DRAINING, ScheduleStatus.KILLING,
  ScheduleStatus.PREEMPTING, ScheduleStatus.RESTARTING, ScheduleStatus.RUNNING,
  ScheduleStatus.PARTITIONED, ScheduleStatus.STARTING]

const set<ScheduleStatus> LIVE_STATES = [
  ScheduleStatus.KILLING, ScheduleStatus.PREEMPTING, ScheduleStatus.RESTARTING,
  ScheduleStatus.DRAINING, ScheduleStatus.PARTITIONED, ScheduleStatus.RUNNING]

const set<ScheduleStatus> TERMINAL_STATES = [
  ScheduleStatus.FAILED, ScheduleStatus.FINISHED, ScheduleStatus.KILLED, ScheduleStatus.LOST]

const string GOOD_IDENTIFIER_PATTERN = "^[\\w\\-\\.]+$"
const string GOOD_IDENTIFIER_PATTERN_JVM = GOOD_IDENTIFIER_PATTERN
const string GOOD_IDENTIFIER_PATTERN_PYTHON = GOOD_IDENTIFIER_PATTERN

const set<JobUpdateStatus> ACTIVE_JOB_UPDATE_STATES = [
  JobUpdateStatus.ROLLING_FORWARD, JobUpdateStatus.ROLLING_BACK,
  JobUpdateStatus.ROLL_FORWARD_PAUSED, JobUpdateStatus.ROLL_BACK_PAUSED,
  JobUpdateStatus.ROLL_FORWARD_AWAITING_PULSE, JobUpdateStatus.ROLL_BACK_AWAITING_PULSE]

// The upstream spelling (sic) is part of the generated names other code may refer to.
const set<JobUpdateStatus> AWAITNG_PULSE_JOB_UPDATE_STATES = [
  JobUpdateStatus.ROLL_FORWARD_AWAITING_PULSE, JobUpdateStatus.ROLL_BACK_AWAITING_PULSE]

const string BYPASS_LEADER_REDIRECT_HEADER_NAME = 'Bypass-Leader-Redirect'

const string TASK_FILESYSTEM_MOUNT_POINT = 'taskfs'

// ---------------------------------------------------------------------------------------------
// Keys, hosts and constraints

// Only `user` survives; id 1 (role) was dropped upstream.
struct Identity {
  2: string user
}

struct Attribute {
  1: string name
  2: set<string> values
}

struct HostAttributes {
  1: string host
  2: set<Attribute> attributes
  3: optional MaintenanceMode mode
  4: optional string slaveId
}

struct ValueConstraint {
  1: bool negated
  2: set<string> values
}

struct LimitConstraint {
  1: i32 limit
}

union TaskConstraint {
  1: ValueConstraint value
  2: LimitConstraint limit
}

struct Constraint {
  1: string name
  2: TaskConstraint constraint
}

struct Package {
  1: string role
  2: string name
  3: i32 version
}

struct Metadata {
  1: string key
  2: string value
}

struct JobKey {
  1: string role
  2: string environment
  3: string name
}

struct InstanceKey {
  1: JobKey jobKey
  2: i32 instanceId
}

// ---------------------------------------------------------------------------------------------
// Task configuration

struct MesosFetcherURI {
  1: string value
  2: optional bool extract
  3: optional bool cache
  4: optional string outputFile
}

struct ExecutorConfig {
  1: string name
  2: string data
}

struct Volume {
  1: string containerPath
  2: string hostPath
  3: Mode mode
}

struct DockerImage {
  1: string name
  2: string tag
}

struct AppcImage {
  1: string name
  2: string imageId
}

union Image {
  1: DockerImage docker
  2: AppcImage appc
}

struct MesosContainer {
  1: optional Image image
  2: optional list<Volume> volumes
}

struct DockerParameter {
  1: string name
  2: string value
}

struct DockerContainer {
  1: string image
  2: optional list<DockerParameter> parameters
}

union Container {
  1: MesosContainer mesos
  2: DockerContainer docker
}

union Resource {
  1: double numCpus
  2: i64 ramMb
  3: i64 diskMb
  4: string namedPort
  5: i64 numGpus
}

struct PartitionPolicy {
  1: bool reschedule
  2: optional i64 delaySecs
}

struct PercentageSlaPolicy {
  1: double percentage
  2: i64 durationSecs
}

struct CountSlaPolicy {
  1: i64 count
  2: i64 durationSecs
}

struct CoordinatorSlaPolicy {
  1: string coordinatorUrl
  2: string statusKey
}

union SlaPolicy {
  1: PercentageSlaPolicy percentageSlaPolicy
  2: CountSlaPolicy countSlaPolicy
  3: CoordinatorSlaPolicy coordinatorSlaPolicy
}

// Ids 1-6, 8-10, 12, 14-16, 19, 21, 24, 26 and 31 belong to retired fields.
struct TaskConfig {
  28: JobKey job
  17: Identity owner
  7: bool isService
  11: i32 priority
  13: i32 maxTaskFailures
  18: optional bool production
  30: optional string tier
  32: set<Resource> resources
  20: set<Constraint> constraints
  33: optional set<MesosFetcherURI> mesosFetcherUris
  22: optional map<string, string> taskLinks
  23: optional string contactEmail
  25: optional ExecutorConfig executorConfig
  27: optional set<Metadata> metadata
  34: optional PartitionPolicy partitionPolicy
  35: optional SlaPolicy slaPolicy
  29: Container container = {"mesos": {}}
}

// Ids 1-3 (numCpus, ramMb, diskMb) are retired in favour of `resources`.
struct ResourceAggregate {
  4: set<Resource> resources
}

// ---------------------------------------------------------------------------------------------
// Jobs and tasks

struct JobConfiguration {
  9: JobKey key
  7: Identity owner
  4: optional string cronSchedule
  5: CronCollisionPolicy cronCollisionPolicy
  6: TaskConfig taskConfig
  8: i32 instanceCount
}

struct JobStats {
  1: i32 activeTaskCount
  2: i32 finishedTaskCount
  3: i32 failedTaskCount
  4: i32 pendingTaskCount
}

struct JobSummary {
  1: JobConfiguration job
  2: JobStats stats
  3: optional i64 nextCronRunMs
}

// Inclusive on both ends.
struct Range {
  1: i32 first
  2: i32 last
}

struct ConfigGroup {
  1: TaskConfig config
  3: set<Range> instances
}

struct ConfigSummary {
  1: JobKey key
  2: set<ConfigGroup> groups
}

struct PopulateJobResult {
  2: TaskConfig taskConfig
}

struct GetQuotaResult {
  1: ResourceAggregate quota
  2: optional ResourceAggregate prodSharedConsumption
  3: optional ResourceAggregate nonProdSharedConsumption
  4: optional ResourceAggregate prodDedicatedConsumption
  5: optional ResourceAggregate nonProdDedicatedConsumption
}

struct TaskEvent {
  1: i64 timestamp
  2: ScheduleStatus status
  3: optional string message
  4: optional string scheduler
}

struct AssignedTask {
  1: string taskId
  2: string slaveId
  3: string slaveHost
  4: TaskConfig task
  5: map<string, i32> assignedPorts
  6: i32 instanceId
}

struct ScheduledTask {
  1: AssignedTask assignedTask
  2: ScheduleStatus status
  3: i32 failureCount
  6: i32 timesPartitioned
  4: list<TaskEvent> taskEvents
  5: string ancestorId
}

struct ScheduleStatusResult {
  1: list<ScheduledTask> tasks
}

struct GetJobsResult {
  1: set<JobConfiguration> configs
}

// Every field that is set must match (AND).
// Unset fields of a query mean "any"; they are optional so that C++ leaves them off the wire as
// upstream's Python client does (the scheduler treats a present field, even empty, as a filter).
struct TaskQuery {
  14: optional string role
  9: optional string environment
  2: optional string jobName
  4: optional set<string> taskIds
  5: optional set<ScheduleStatus> statuses
  7: optional set<i32> instanceIds
  10: optional set<string> slaveHosts
  11: optional set<JobKey> jobKeys
  12: optional i32 offset
  13: optional i32 limit
}

struct HostStatus {
  1: string host
  2: MaintenanceMode mode
}

struct RoleSummary {
  1: string role
  2: i32 jobCount
  3: i32 cronJobCount
}

struct Hosts {
  1: set<string> hostNames
}

struct PendingReason {
  1: string taskId
  2: string reason
}

// ---------------------------------------------------------------------------------------------
// Job updates

struct JobUpdateKey {
  1: JobKey job
  2: string id
}

struct QueueJobUpdateStrategy {
  1: i32 groupSize
}

struct BatchJobUpdateStrategy {
  1: i32 groupSize
  2: bool autopauseAfterBatch
}

struct VariableBatchJobUpdateStrategy {
  1: list<i32> groupSizes
  2: bool autopauseAfterBatch
}

union JobUpdateStrategy {
  1: QueueJobUpdateStrategy queueStrategy
  2: BatchJobUpdateStrategy batchStrategy
  3: VariableBatchJobUpdateStrategy varBatchStrategy
}

// updateGroupSize and waitForBatchCompletion predate updateStrategy; schedulers still read them.
struct JobUpdateSettings {
  1: i32 updateGroupSize
  2: i32 maxPerInstanceFailures
  3: i32 maxFailedInstances
  5: i32 minWaitInInstanceRunningMs
  6: bool rollbackOnFailure
  7: optional set<Range> updateOnlyTheseInstances
  8: bool waitForBatchCompletion
  9: optional i32 blockIfNoPulsesAfterMs
  10: optional bool slaAware
  11: optional JobUpdateStrategy updateStrategy
}

struct JobUpdateEvent {
  1: JobUpdateStatus status
  2: i64 timestampMs
  3: optional string user
  4: optional string message
}

struct JobInstanceUpdateEvent {
  1: i32 instanceId
  2: i64 timestampMs
  3: JobUpdateAction action
  4: optional string message
}

struct InstanceTaskConfig {
  1: TaskConfig task
  2: set<Range> instances
}

struct JobUpdateState {
  1: JobUpdateStatus status
  2: i64 createdTimestampMs
  3: i64 lastModifiedTimestampMs
}

struct JobUpdateSummary {
  5: JobUpdateKey key
  3: string user
  4: JobUpdateState state
  6: optional set<Metadata> metadata
}

struct JobUpdateInstructions {
  1: set<InstanceTaskConfig> initialState
  2: InstanceTaskConfig desiredState
  3: JobUpdateSettings settings
}

struct JobUpdate {
  1: JobUpdateSummary summary
  2: JobUpdateInstructions instructions
}

struct JobUpdateDetails {
  1: JobUpdate update
  2: list<JobUpdateEvent> updateEvents
  3: list<JobInstanceUpdateEvent> instanceEvents
}

struct JobUpdateRequest {
  1: TaskConfig taskConfig
  2: i32 instanceCount
  3: JobUpdateSettings settings
  4: optional set<Metadata> metadata
}

// Every field that is set must match (AND).
struct JobUpdateQuery {
  2: optional string role
  8: optional JobUpdateKey key
  3: optional JobKey jobKey
  4: optional string user
  5: optional set<JobUpdateStatus> updateStatuses
  6: optional i32 offset
  7: optional i32 limit
}

// ---------------------------------------------------------------------------------------------
// Results

struct ListBackupsResult {
  1: set<string> backups
}

struct StartMaintenanceResult {
  1: set<HostStatus> statuses
}

struct DrainHostsResult {
  1: set<HostStatus> statuses
}

struct QueryRecoveryResult {
  1: set<ScheduledTask> tasks
}

struct MaintenanceStatusResult {
  1: set<HostStatus> statuses
}

struct EndMaintenanceResult {
  1: set<HostStatus> statuses
}

struct RoleSummaryResult {
  1: set<RoleSummary> summaries
}

struct JobSummaryResult {
  1: set<JobSummary> summaries
}

struct ConfigSummaryResult {
  1: ConfigSummary summary
}

struct GetPendingReasonResult {
  1: set<PendingReason> reasons
}

struct StartJobUpdateResult {
  1: JobUpdateKey key
  2: optional JobUpdateSummary updateSummary
}

struct GetJobUpdateSummariesResult {
  1: list<JobUpdateSummary> updateSummaries
}

// `details` is what older schedulers fill; newer ones fill `detailsList`.
struct GetJobUpdateDetailsResult {
  1: JobUpdateDetails details
  2: list<JobUpdateDetails> detailsList
}

struct PulseJobUpdateResult {
  1: JobUpdatePulseStatus status
}

struct GetJobUpdateDiffResult {
  1: set<ConfigGroup> add
  2: set<ConfigGroup> remove
  3: set<ConfigGroup> update
  4: set<ConfigGroup> unchanged
}

struct TierConfig {
  1: string name
  2: map<string, string> settings
}

struct GetTierConfigResult {
  1: string defaultTierName
  2: set<TierConfig> tiers
}

struct ServerInfo {
  1: string clusterName
  3: string statsUrlPrefix
}

union Result {
  1: PopulateJobResult populateJobResult
  3: ScheduleStatusResult scheduleStatusResult
  4: GetJobsResult getJobsResult
  5: GetQuotaResult getQuotaResult
  6: ListBackupsResult listBackupsResult
  7: StartMaintenanceResult startMaintenanceResult
  8: DrainHostsResult drainHostsResult
  9: QueryRecoveryResult queryRecoveryResult
  10: MaintenanceStatusResult maintenanceStatusResult
  11: EndMaintenanceResult endMaintenanceResult
  17: RoleSummaryResult roleSummaryResult
  18: JobSummaryResult jobSummaryResult
  20: ConfigSummaryResult configSummaryResult
  21: GetPendingReasonResult getPendingReasonResult
  22: StartJobUpdateResult startJobUpdateResult
  23: GetJobUpdateSummariesResult getJobUpdateSummariesResult
  24: GetJobUpdateDetailsResult getJobUpdateDetailsResult
  25: PulseJobUpdateResult pulseJobUpdateResult
  26: GetJobUpdateDiffResult getJobUpdateDiffResult
  27: GetTierConfigResult getTierConfigResult
}

struct ResponseDetail {
  1: string message
}

// Every RPC answers with this envelope; `result` is set only when responseCode is OK.
struct Response {
  1: ResponseCode responseCode
  5: ServerInfo serverInfo
  3: optional Result result
  6: list<ResponseDetail> details
}

struct ExplicitReconciliationSettings {
  1: optional i32 batchSize
}

// ---------------------------------------------------------------------------------------------
// Services

service ReadOnlyScheduler {
  Response getRoleSummary()
  Response getJobSummary(1: string role)
  Response getTasksStatus(1: TaskQuery query)
  Response getTasksWithoutConfigs(1: TaskQuery query)
  Response getPendingReason(1: TaskQuery query)
  Response getConfigSummary(1: JobKey job)
  Response getJobs(1: string ownerRole)
  Response getQuota(1: string ownerRole)
  Response populateJobConfig(1: JobConfiguration description)
  Response getJobUpdateSummaries(1: JobUpdateQuery jobUpdateQuery)
  // Id 1 (a JobUpdateKey) is retired; a key goes in query.key.
  Response getJobUpdateDetails(2: JobUpdateQuery query)
  Response getJobUpdateDiff(1: JobUpdateRequest request)
  Response getTierConfigs()
}

service AuroraSchedulerManager extends ReadOnlyScheduler {
  Response createJob(1: JobConfiguration description)
  Response scheduleCronJob(1: JobConfiguration description)
  Response descheduleCronJob(4: JobKey job)
  Response startCronJob(4: JobKey job)
  Response restartShards(5: JobKey job, 3: set<i32> shardIds)
  Response killTasks(4: JobKey job, 5: set<i32> instances, 6: string message)
  Response addInstances(3: InstanceKey key, 4: i32 count)
  Response replaceCronTemplate(1: JobConfiguration config)
  Response startJobUpdate(1: JobUpdateRequest request, 3: string message)
  Response pauseJobUpdate(1: JobUpdateKey key, 3: string message)
  Response resumeJobUpdate(1: JobUpdateKey key, 3: string message)
  Response abortJobUpdate(1: JobUpdateKey key, 3: string message)
  Response rollbackJobUpdate(1: JobUpdateKey key, 2: string message)
  Response pulseJobUpdate(1: JobUpdateKey key)
}

service AuroraAdmin extends AuroraSchedulerManager {
  Response setQuota(1: string ownerRole, 2: ResourceAggregate quota)
  Response forceTaskState(1: string taskId, 2: ScheduleStatus status)
  Response performBackup()
  Response listBackups()
  Response stageRecovery(1: string backupId)
  Response queryRecovery(1: TaskQuery query)
  Response deleteRecoveryTasks(1: TaskQuery query)
  Response commitRecovery()
  Response unloadRecovery()
  Response startMaintenance(1: Hosts hosts)
  Response drainHosts(1: Hosts hosts)
  Response maintenanceStatus(1: Hosts hosts)
  Response endMaintenance(1: Hosts hosts)
  Response slaDrainHosts(1: Hosts hosts, 2: SlaPolicy defaultSlaPolicy, 3: i64 timeoutSecs)
  Response snapshot()
  Response triggerExplicitTaskReconciliation(1: ExplicitReconciliationSettings settings)
  Response triggerImplicitTaskReconciliation()
  Response pruneTasks(1: TaskQuery query)
}
