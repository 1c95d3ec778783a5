import type { LicenseInfo } from '../../domain/source.js';

/** What the JHU CSSE connectors share. */
export const JHU_PUBLISHER = 'Center for Systems Science and Engineering (CSSE), Johns Hopkins University';
export const JHU_HOMEPAGE = 'https://github.com/CSSEGISandData/COVID-19';
export const JHU_LICENSE: LicenseInfo = {
  name: 'Creative Commons Attribution 4.0 International',
  spdx: 'CC-BY-4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
};
export const JHU_REDISTRIBUTION = 'May be shared and adapted, commercially too, with attribution to JHU CSSE (CC BY 4.0).';
/** JHU's last update (data to 2023-03-09) was committed on 2023-03-10; the repository is archived. */
export const JHU_FROZEN_ON = '2023-03-10';
export const JHU_RAW = 'https://raw.githubusercontent.com/CSSEGISandData/COVID-19/master/csse_covid_19_data';
