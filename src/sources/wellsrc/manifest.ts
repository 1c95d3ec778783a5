import type { SourceManifest } from '../../domain/source.js';

const RAW = 'https://raw.githubusercontent.com/WellsRC/Coronavirus-2019/master';

export const manifest = {
  id: 'wellsrc',
  title: 'Wells et al. (PNAS 2020): reported daily incidence in Wuhan',
  publisher: 'Chad R. Wells et al., "Impact of international travel and border control measures on the global spread of the novel 2019 coronavirus outbreak", PNAS 117(13), 2020 (WellsRC/Coronavirus-2019)',
  homepage: 'https://github.com/WellsRC/Coronavirus-2019',
  license: { name: 'GNU General Public License v3.0 (repository licence)', spdx: 'GPL-3.0', url: 'https://github.com/WellsRC/Coronavirus-2019/blob/master/LICENSE' },
  redistribution: 'The repository is GPL-3.0: the files may be copied, changed and redistributed, commercially too, provided redistributions stay under GPL-3.0 with the licence text.',
  cadence: 'irregular',
  frozenOn: '2020-04-16',
  metrics: ['new_confirmed'],
  levels: ['county'],
  parserVersion: 1,
  files: [
    {
      id: 'reported-wuhan',
      url: `${RAW}/ReportedIncidenceWuhan-Dec62019=t0.mat`,
      mirror: [{ path: 'wellsrc/ReportedIncidenceWuhan-Dec62019=t0.mat', issue: '2020-04-16' }],
    },
  ],
  notes: [
    'The files are MATLAB Level 5 MAT-files, read by the parser’s own reader (mat5.ts: header, data elements, zlib-compressed elements, numeric/char/logical/cell/struct arrays); the runner passes the bytes (SourceInputFile.bytes). mat-for-js, the one npm reader found, is GPL-3.0 (not linked into Glacier, which is MIT); matfile and jsmat do not exist on npm.',
    'Time index: "Dec62019=t0" means day t is 2019-12-06 + t days (IncidenceData.m: "If we had a data point for Dec 6 it would have the time stamp of day zero, where Dec 8 would have a week index of two"); the arrays run t = 1..72, 2019-12-07..2020-02-16.',
    'ReportedIncidenceWuhan-Dec62019=t0.mat (RWuhan, 72×2: t, count) → new_confirmed for Wuhan (CN_HB_WUHAN, the dxy extra location), dated by the day of the report: the Wuhan count for day D, published the next morning, sits at D+1 (13,436 clinically and laboratory diagnosed cases of 2020-02-12 at 2020-02-13). Days before 2020-01-24 hold 0 in the file (the authors’ series starts there; Wuhan did report cases earlier): stored as published.',
    'Not ingested, not places: ReportedIncidenceHubei-Dec62019=t0.mat (RHubei) counts Hubei OUTSIDE Wuhan and ReportedIncidenceChina-Dec62019=t0.mat (RChina) China OUTSIDE Hubei (the README; RChina matches the NHC’s non-Hubei daily counts, e.g. 311/267/221/165 on 2020-02-13..16 vs 312/267/221/166); storing them as CN_HB or CN would be wrong. ReportedIncidenceOther-WHO-Dec62019=t0.mat (OWHORep) and ReportedTimeIncidence.mat (RepI) count international cases with travel history to China, by date of report: not a place.',
    'Not ingested, metric missing from the vocabulary: DailyIncidenceWuhan-NEJM-Dec62019=t0.mat (WNEJM, Wuhan cases by date of symptom onset, Li et al. NEJM 2020) and DailyIncidenceOther-WHO-Dec62019=t0.mat (OWHO, international cases by onset date): new cases by onset date are not new cases reported on a day.',
    'Not ingested, not time series of the vocabulary (model inputs and outputs): ArrivalToSymptomOnset.mat (ATtoSO, 30 day differences), ColorM.mat (CMC, a 64×3 colour map), Probability_Travel_Hospital_6733.mat, Probability_Travel_Infection_6733.mat and Probability_Travel_Infection_6733_Mulit.mat (F, pc: likelihood over travel probabilities), Time_Screening.mat (a MATLAB workspace: flight weights, screening simulations, optimiser options), TimetoHospitalJan1onward.mat, TimetoHospitaluptoDec31.mat, TimetoMedVisitJan1onward.mat, TimetoMedVisituptoDec31.mat (C, D, S: digitised delay distributions), TravelDuringInfection.mat (L, LCT, MLE, MLECT: simulated travel probabilities), Weight_Flights.mat and Weight_Flights_Routes.mat (FC, FlightAll, Flight_NW: per-country flight weights as cell arrays), Weighted_RouteTravel_Infectious_6733.mat, Weighted_Travel_Infectious_6733.mat, Weighted_Travel_Infectious_Country.mat, Weighted_Travel_Infectious_Country_Routes.mat (MLE, MLEP, w, w2: model estimates), DatesofExportation.txt and DatesofExportation_Routes.txt (per-country travel weight and estimated/actual dates of first exported case), Exported_Case_Arrival_Final.xlsx (case-level arrival records of exported cases).',
  ],
} as const satisfies SourceManifest;
