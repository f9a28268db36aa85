-- A confirmed place is not tied to a shard: shards are interchangeable counters whose quotas add up
-- to the capacity, so a cancellation gives its place back to any shard.
ALTER TABLE registration DROP COLUMN shard;
