-- CreateEnum
CREATE TYPE "ProgressReportReviewOutcome" AS ENUM ('ACCEPTED', 'RETURNED');

-- AlterTable
ALTER TABLE "ProgressReport" ADD COLUMN     "reviewNote" TEXT,
ADD COLUMN     "reviewOutcome" "ProgressReportReviewOutcome",
ADD COLUMN     "reviewedAt" TIMESTAMPTZ(3),
ADD COLUMN     "reviewedById" UUID;

-- CreateIndex
CREATE INDEX "ProgressReport_reviewedById_idx" ON "ProgressReport"("reviewedById");

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
