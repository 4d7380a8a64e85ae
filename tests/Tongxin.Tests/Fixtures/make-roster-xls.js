// Writes a BIFF8 .xls roster (as old WPS/Excel versions save) for the import tests.
const XLSX = require('xlsx');
const rows = [
  ['姓名', '身份证号', '所在组织', '党员身份', '入党日期'],
  ['唐文博', '33010219880707001X', '第二党支部', '正式党员', '2012.7'],
  ['宋佳琪', '330102199001010021', '第二党支部', '正式党员', '2015年6月'],
];
const ws = XLSX.utils.aoa_to_sheet(rows);
const wb = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(wb, ws, '花名册');
XLSX.writeFile(wb, process.argv[2], { bookType: 'biff8' });
