-- DropIndex
DROP INDEX "MapOp_mapId_idempotencyKey_key";

-- CreateIndex
CREATE UNIQUE INDEX "MapOp_mapId_actorId_idempotencyKey_key" ON "MapOp"("mapId", "actorId", "idempotencyKey");
