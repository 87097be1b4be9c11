-- One row per background job: the node that runs it now and until when its lock holds (ShedLock's table), so a job
-- runs on one node at a time however many nodes share the database. A node that dies frees its jobs at lock_until.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
