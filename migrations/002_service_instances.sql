-- Liveness of every running service instance, wherever it runs: a service's /health reports its
-- upstream neighbours from these heartbeats, in one process or across many.
CREATE TABLE service_instances (
  service      TEXT   NOT NULL,
  instance     TEXT   NOT NULL,
  url          TEXT,
  started_ms   BIGINT NOT NULL,
  heartbeat_ms BIGINT NOT NULL,
  stopped_ms   BIGINT,
  PRIMARY KEY (service, instance)
);
