/*
 * A model small enough to compute by hand (months of 365/12 days, no leads):
 * - Industry needs 1,000 t/month: 750 from China, 250 from Vietnam. Dependency China 75%,
 *   Vietnam 25%; HHI = 10,000 x (0.75^2 + 0.25^2) = 6,250.
 * - The reserve holds 1,000 t for it: cover = 1,000 / (1,000 x 12/365 t/day) = 30.4 -> 30 days.
 * - Curb cuts China for March and April: 750 t short each month. March: the reserve
 *   releases 750 (250 left). April: it releases 250 and 500 t stay unmet. The stock covers
 *   f = 250 / 750 = 1/3 of April: stockout on April 1 + floor(30/3) = 2026-04-11, the day
 *   the reserve runs dry. Loss = 500 t x 1 million JPY = 500 million JPY.
 * - Over the year Industry needs 12 x 1,000 = 12,000 t: fill in CurbOnly 1 - 500/12,000 = 95.8%.
 * - CurbOnly has probability 100%: expected unmet 500 t, loss 500 million JPY.
 * - Curb's effect: CurbOnly (500 t) minus CurbOnly without Curb (the baseline, 0 t) = +500 t.
 * - The target is judged at the end (December), when China is back at 75% > 50%: fails in
 *   both the baseline and CurbOnly.
 */
export const HAND_MODEL = `horizon 2026-01 to 2026-12
step month
supplier ChinaMines in China { produces REE 1200 t/month }
supplier VietnamMines in Vietnam { produces REE 400 t/month }
// Japan's industry.
consumer Industry in Japan {
  needs REE 1000 t/month
  loss 1 million JPY per t
}
flow ChinaMines -> Industry { REE 750 t/month }
flow VietnamMines -> Industry { REE 250 t/month }
reserve Stockpile in Japan { holds REE 1000 t serves Industry }
shock Curb { embargo China -> Japan on REE from 2026-03 for 2 months }
measure Hold { release Stockpile at 100 t/month from 2027-01 }
scenario CurbOnly probability 100% { Curb }
target ChinaShare { dependency of Industry on China <= 50% }
`;
