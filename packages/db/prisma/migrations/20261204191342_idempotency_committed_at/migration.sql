-- AlterTable
ALTER TABLE "IdempotencyKey" ADD COLUMN     "committedAt" TIMESTAMPTZ(3);
