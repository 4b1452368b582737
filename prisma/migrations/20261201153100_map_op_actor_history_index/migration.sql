-- CreateIndex
CREATE INDEX "MapOp_mapId_actorId_seq_idx" ON "MapOp"("mapId", "actorId", "seq");
