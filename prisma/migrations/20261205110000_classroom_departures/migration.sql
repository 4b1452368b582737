-- CreateTable
CREATE TABLE "ClassroomDeparture" (
    "classroomId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "leftAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClassroomDeparture_pkey" PRIMARY KEY ("classroomId","userId")
);

-- CreateIndex
CREATE INDEX "ClassroomDeparture_userId_idx" ON "ClassroomDeparture"("userId");

-- AddForeignKey
ALTER TABLE "ClassroomDeparture" ADD CONSTRAINT "ClassroomDeparture_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassroomDeparture" ADD CONSTRAINT "ClassroomDeparture_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
