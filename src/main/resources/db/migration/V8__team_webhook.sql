-- Group-robot webhooks per team (module notification): WeCom or DingTalk.
CREATE TABLE team_webhook (
    team_id  bigint       PRIMARY KEY REFERENCES team (id),
    url      varchar(500) NOT NULL,
    format   varchar(20)  NOT NULL CHECK (format IN ('WECOM', 'DINGTALK'))
);
