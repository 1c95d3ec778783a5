import type { ImagingManifest } from '../../domain/imaging.js';

/** The commit the mirrored metadata comes from (2021-02-25). */
export const COMMIT = '9e254a140b4faa2c200b8bb5cee2347b7198fbef';

export const manifest = {
  id: 'pocus',
  title: 'POCUS: lung ultrasound videos and images of COVID-19, pneumonia and healthy lungs (covid19_pocus_ultrasound)',
  publisher: 'Jannis Born, Nina Wiedemann, Gabriel Brändle et al. (ETH Zurich / IBM Research)',
  homepage: 'https://github.com/jannisborn/covid19_pocus_ultrasound',
  license: {
    name: 'Per video/image: the License column of data/dataset_metadata.csv (CC BY 4.0, CC BY-NC 4.0, …; "None" = no licence stated); the repository\'s code is Apache-2.0',
    url: 'https://github.com/jannisborn/covid19_pocus_ultrasound#data',
  },
  redistribution:
    'Each video or image may be redistributed under its own licence as listed (several are NonCommercial); those listed "None" (e.g. Butterfly Network clips, not stored in the repository) have no stated terms; the metadata is published with the Apache-2.0 repository.',
  cadence: 'irregular',
  frozenOn: '2021-02-25',
  metrics: [],
  levels: [],
  parserVersion: 2,
  files: [{ id: 'metadata', url: `https://raw.githubusercontent.com/jannisborn/covid19_pocus_ultrasound/${COMMIT}/data/dataset_metadata.csv`, mirror: ['imaging/covid19_pocus_ultrasound/dataset_metadata.csv'] }],
  imageFolders: [],
  notes: [
    `Upstream: data/dataset_metadata.csv at commit ${COMMIT} (2021-02-25), pinned. 375 rows, one per video or image (44 columns, found by name, all named ones required; the 28th column is unnamed — 6 cells hold Dropbox links, kept in clinical.column_28). Quoted comments span lines: line = the physical line a row starts on. No videos are mirrored here (imageFolders empty). Not ingested: data/crop.json (crop boxes and frame ranges per video path, a processing aid) and data/data_from_butterfly.json (the list of Butterfly clips to download).`,
    'imageId = Filename as published: no name has an extension (the videos are .mp4/.gif/.avi upstream, the images .png/.jpg; not guessed): one name_without_extension issue. "Reg-nephropocus" is listed twice (lines 76 and 82, patients 74 and 77, different URLs and probes): both listings are kept, duplicate_image names both.',
    'Label → finding: COVID-19 → Pneumonia/Viral/COVID-19; "Bacterial pneumonia" → Pneumonia/Bacterial; "Viral pneumonia" (viral pneumonia other than COVID-19) → Pneumonia/Viral; Regular (healthy) → No Finding. "regular" (106 rows) is a case variant of "Regular" (the spelling follows the other, capitalised labels). modality ultrasound; view null (a probe is not a view: Probe convex/linear → clinical.probe).',
    'Patient ID / Name → patient (trimmed; blank → null). Gender m/w (German "weiblich") → M/F; nd, n/A, blank → null. Age → age; n/A and blank → null; "0" (9 rows, all from Denault et al., adult ICU patients with severe hypoxia) is a placeholder → null, counted with the markers.',
    '"Date added" is the day the video was added to the dataset (dd.mm.yy, e.g. 20.04.20 → 2020-04-20), not a recording date: clinical.date_added (ISO), counted as partial_date (short form); one cell "0" is kept as text (unparseable_cell). studyDate is null (precision unknown) for every record: the dataset gives no recording date.',
    'Type video/image → clinical.type ("Image" ×41 a case variant). Clinical, keys in snake_case: effusion, consolidations, b_lines, a_lines, pleural_line_irregularities, air_bronchogram, healthy (doctors\' findings) and fever, cough, respiratory_problems, headache, loss_of_smell_taste, fatigue, sore_throat, asymptomatic (symptoms): 1/0 → true/false, n/A and blank → null (missing_marker, one issue per column). in_this_repo Yes/No → boolean ("Np" kept as text, unparseable_cell). source_id, framerate, length_frames, area_according_to_degum → numbers (n/a → null). current_location, link_to_license, changes_made, resolution → text; url_video_name, the comments, title, md2, md3, lung_abdomen_interface, preconditions_comments_about_patient, other → verbatim.',
    'URL (Video Name) → sourceUrl: its leading http(s) URL (the rest names the clip); cells that are not URLs ("Data contributed by …", "Donation …") give sourceUrl null, the text in clinical.url_video_name. DOI: bare, https://doi.org/…, http://dx.doi.org/…, "DOI: …" → the bare DOI.',
    'License → license per row; "None" (176 rows) → null, not the repository\'s Apache-2.0 (which covers the code, not third-party clips). commercialUse: false for NC licences (CC BY-NC 4.0, CC BY-NC -SA 3.0/4.0, CC BY-NC-ND 4.0, CC-BY-NC-ND), true for CC BY 2.0/4.0, null for None and for "COVID-19 emergency license" (Elsevier\'s COVID-19 resource-centre permission: research re-use, silent on commercial use).',
    'A row without a file name is a stray_row; other widths, a truncated last row or a missing column refuse the file (SourceFormatError with file, line, column). A UTF-8 BOM is ignored.',
  ],
} as const satisfies ImagingManifest;
