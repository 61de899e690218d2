namespace IncidentBot.Storage.Alerts;

/// <summary>The alert tables' statements (migration 0003).</summary>
internal static class AlertSql
{
    public const string Pending = "pending";

    public const string Columns = """
        id AS Id, platform AS Platform, workspace_id AS WorkspaceId, channel_id AS ChannelId, source AS Source,
        group_key AS GroupKey, incident_number AS IncidentNumber, title AS Title, severity AS Severity,
        detected_at AS DetectedAt, created_at AS CreatedAt, details AS Details, resolved AS Resolved,
        notice_state AS NoticeState, notice_attempts AS NoticeAttempts
        """;

    public const string FindGroup = $"""
        SELECT {Columns} FROM alert_groups
        WHERE platform = @Platform AND workspace_id = @WorkspaceId AND source = @Source AND group_key = @GroupKey
        ORDER BY id DESC LIMIT 1
        """;

    public const string GetGroup = $"SELECT {Columns} FROM alert_groups WHERE id = @Id AND platform = @Platform AND workspace_id = @WorkspaceId";

    public const string InsertGroup = """
        INSERT INTO alert_groups (platform, workspace_id, channel_id, source, group_key, incident_number, title, severity,
            detected_at, created_at, details, resolved, notice_state, notice_attempts, notice_next_attempt_at)
        VALUES (@Platform, @WorkspaceId, @ChannelId, @Source, @GroupKey, @IncidentNumber, @Title, @Severity,
            @DetectedAt, @CreatedAt, @Details, @Resolved, CASE WHEN @NoticePending = 1 THEN 'pending' END, 0,
            CASE WHEN @NoticePending = 1 THEN @CreatedAt END)
        RETURNING id
        """;

    /// <summary>A notice still waiting when its group was declared is dropped: the incident speaks for it now.</summary>
    public const string UpdateGroup = """
        UPDATE alert_groups SET incident_number = @IncidentNumber, title = @Title, severity = @Severity,
            details = @Details, resolved = @Resolved,
            notice_state = CASE WHEN @NoticePending = 0 AND notice_state = 'pending' THEN 'dropped' ELSE notice_state END
        WHERE id = @Id
        """;

    public const string DueNotices = $"""
        SELECT {Columns} FROM alert_groups
        WHERE notice_state = 'pending' AND notice_next_attempt_at <= @Now
        ORDER BY notice_next_attempt_at, id LIMIT @Limit
        """;

    public const string NextNotice = "SELECT MIN(notice_next_attempt_at) FROM alert_groups WHERE notice_state = 'pending'";

    public const string NoticeAttempt = """
        UPDATE alert_groups SET notice_attempts = notice_attempts + 1, notice_next_attempt_at = @Next, notice_last_error = @Reason
        WHERE id = @Id AND notice_state = 'pending'
        """;

    public const string NoticePosted = "UPDATE alert_groups SET notice_state = 'posted', notice_message_id = @MessageId WHERE id = @Id";

    public const string NoticeFailed = "UPDATE alert_groups SET notice_state = 'failed', notice_last_error = @Reason WHERE id = @Id";

    public const string FindPagerDuty = """
        SELECT incident_number AS IncidentNumber, pagerduty_id AS PagerDutyId, url AS Url, linked_at AS LinkedAt
        FROM pagerduty_links WHERE pagerduty_id = @PagerDutyId
        """;

    public const string GetPagerDuty = """
        SELECT incident_number AS IncidentNumber, pagerduty_id AS PagerDutyId, url AS Url, linked_at AS LinkedAt
        FROM pagerduty_links WHERE incident_number = @Number
        """;

    public const string SavePagerDuty = """
        INSERT INTO pagerduty_links (incident_number, pagerduty_id, url, linked_at) VALUES (@Number, @PagerDutyId, @Url, @LinkedAt)
        """;
}

/// <summary>A <c>pagerduty_links</c> row.</summary>
internal sealed record PagerDutyLinkRow(long IncidentNumber, string PagerDutyId, string? Url, long LinkedAt);
