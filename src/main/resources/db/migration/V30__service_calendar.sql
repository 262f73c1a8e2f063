-- The working calendar (module service): the working hours of a working day, and the days that
-- differ from the ordinary week (Monday to Friday): public holidays that fall on a weekday, and
-- make-up working days (调休) that fall on a weekend. Kept by administrators; every due time
-- counted in working time (tickets now, later the leads' response times) reads it.

CREATE TABLE service_working_hours (
    id          smallint PRIMARY KEY CHECK (id = 1),
    day_start   time     NOT NULL,
    day_end     time     NOT NULL,
    version     bigint   NOT NULL DEFAULT 0,
    CHECK (day_start < day_end)
);
INSERT INTO service_working_hours (id, day_start, day_end) VALUES (1, '09:00', '18:00');

CREATE TABLE service_calendar_day (
    day      date        PRIMARY KEY,
    -- false: a public holiday (no work although a weekday); true: a make-up working day (调休).
    working  boolean     NOT NULL,
    name     varchar(50) NOT NULL
);

-- The public holidays and make-up working days of 2026 as the State Council announced them
-- (国务院办公厅关于2026年部分节假日安排的通知). Holidays on a weekend are weekend days anyway
-- and are listed so that the calendar page shows the whole holiday.
INSERT INTO service_calendar_day (day, working, name) VALUES
    ('2026-01-01', false, '元旦'), ('2026-01-02', false, '元旦'), ('2026-01-03', false, '元旦'),
    ('2026-01-04', true, '元旦调休'),
    ('2026-02-14', true, '春节调休'),
    ('2026-02-15', false, '春节'), ('2026-02-16', false, '春节'), ('2026-02-17', false, '春节'),
    ('2026-02-18', false, '春节'), ('2026-02-19', false, '春节'), ('2026-02-20', false, '春节'),
    ('2026-02-21', false, '春节'), ('2026-02-22', false, '春节'), ('2026-02-23', false, '春节'),
    ('2026-02-28', true, '春节调休'),
    ('2026-04-04', false, '清明节'), ('2026-04-05', false, '清明节'), ('2026-04-06', false, '清明节'),
    ('2026-05-01', false, '劳动节'), ('2026-05-02', false, '劳动节'), ('2026-05-03', false, '劳动节'),
    ('2026-05-04', false, '劳动节'), ('2026-05-05', false, '劳动节'),
    ('2026-05-09', true, '劳动节调休'),
    ('2026-06-19', false, '端午节'), ('2026-06-20', false, '端午节'), ('2026-06-21', false, '端午节'),
    ('2026-09-20', true, '国庆节调休'),
    ('2026-09-25', false, '中秋节'), ('2026-09-26', false, '中秋节'), ('2026-09-27', false, '中秋节'),
    ('2026-10-01', false, '国庆节'), ('2026-10-02', false, '国庆节'), ('2026-10-03', false, '国庆节'),
    ('2026-10-04', false, '国庆节'), ('2026-10-05', false, '国庆节'), ('2026-10-06', false, '国庆节'),
    ('2026-10-07', false, '国庆节'),
    ('2026-10-10', true, '国庆节调休');
