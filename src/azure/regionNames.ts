// Azure regions as people read them ("West Europe", not "westeurope"). Pure and synchronous, so the tree, its
// tooltips, pickers and the webview pages can all use it; a region missing here is shown by its name.
const DISPLAY_NAMES: Record<string, string> = {
  eastus: 'East US', eastus2: 'East US 2', centralus: 'Central US', northcentralus: 'North Central US', southcentralus: 'South Central US',
  westcentralus: 'West Central US', westus: 'West US', westus2: 'West US 2', westus3: 'West US 3', canadacentral: 'Canada Central', canadaeast: 'Canada East',
  brazilsouth: 'Brazil South', brazilsoutheast: 'Brazil Southeast', mexicocentral: 'Mexico Central', chilecentral: 'Chile Central',
  northeurope: 'North Europe', westeurope: 'West Europe', uksouth: 'UK South', ukwest: 'UK West', francecentral: 'France Central', francesouth: 'France South',
  germanywestcentral: 'Germany West Central', germanynorth: 'Germany North', switzerlandnorth: 'Switzerland North', switzerlandwest: 'Switzerland West',
  norwayeast: 'Norway East', norwaywest: 'Norway West', swedencentral: 'Sweden Central', swedensouth: 'Sweden South', polandcentral: 'Poland Central',
  italynorth: 'Italy North', spaincentral: 'Spain Central', austriaeast: 'Austria East', belgiumcentral: 'Belgium Central', denmarkeast: 'Denmark East',
  eastasia: 'East Asia', southeastasia: 'Southeast Asia', japaneast: 'Japan East', japanwest: 'Japan West', koreacentral: 'Korea Central', koreasouth: 'Korea South',
  centralindia: 'Central India', southindia: 'South India', westindia: 'West India', jioindiacentral: 'Jio India Central', jioindiawest: 'Jio India West',
  australiaeast: 'Australia East', australiasoutheast: 'Australia Southeast', australiacentral: 'Australia Central', australiacentral2: 'Australia Central 2',
  newzealandnorth: 'New Zealand North', indonesiacentral: 'Indonesia Central', malaysiawest: 'Malaysia West', taiwannorth: 'Taiwan North',
  uaenorth: 'UAE North', uaecentral: 'UAE Central', qatarcentral: 'Qatar Central', israelcentral: 'Israel Central',
  southafricanorth: 'South Africa North', southafricawest: 'South Africa West',
  usgovvirginia: 'USGov Virginia', usgovarizona: 'USGov Arizona', usgovtexas: 'USGov Texas', usdodeast: 'USDoD East', usdodcentral: 'USDoD Central',
  chinaeast: 'China East', chinaeast2: 'China East 2', chinaeast3: 'China East 3', chinanorth: 'China North', chinanorth2: 'China North 2', chinanorth3: 'China North 3',
};

/** "westeurope" (any case, spaces allowed) → "West Europe"; an unknown region keeps its name. */
export function regionDisplayName(location: string): string {
  return DISPLAY_NAMES[location.replace(/\s+/g, '').toLowerCase()] ?? location;
}
