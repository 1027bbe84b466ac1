/** The regions the sandbox knows (a subset of Azure public cloud), with their display names and pairs. */
export interface RegionInfo {
  name: string;
  displayName: string;
  geography: string;
  paired: string;
  latitude: string;
  longitude: string;
}

export const REGIONS: readonly RegionInfo[] = [
  {
    name: 'westeurope',
    displayName: 'West Europe',
    geography: 'Europe',
    paired: 'northeurope',
    latitude: '52.3667',
    longitude: '4.9',
  },
  {
    name: 'northeurope',
    displayName: 'North Europe',
    geography: 'Europe',
    paired: 'westeurope',
    latitude: '53.3478',
    longitude: '-6.2597',
  },
  {
    name: 'eastus',
    displayName: 'East US',
    geography: 'US',
    paired: 'westus',
    latitude: '37.3719',
    longitude: '-79.8164',
  },
  {
    name: 'westus',
    displayName: 'West US',
    geography: 'US',
    paired: 'eastus',
    latitude: '37.783',
    longitude: '-122.417',
  },
  {
    name: 'westus2',
    displayName: 'West US 2',
    geography: 'US',
    paired: 'westcentralus',
    latitude: '47.233',
    longitude: '-119.852',
  },
  {
    name: 'westcentralus',
    displayName: 'West Central US',
    geography: 'US',
    paired: 'westus2',
    latitude: '40.890',
    longitude: '-110.234',
  },
  {
    name: 'uksouth',
    displayName: 'UK South',
    geography: 'UK',
    paired: 'ukwest',
    latitude: '50.941',
    longitude: '-0.799',
  },
  {
    name: 'ukwest',
    displayName: 'UK West',
    geography: 'UK',
    paired: 'uksouth',
    latitude: '53.427',
    longitude: '-3.084',
  },
  {
    name: 'southeastasia',
    displayName: 'Southeast Asia',
    geography: 'Asia Pacific',
    paired: 'eastasia',
    latitude: '1.283',
    longitude: '103.833',
  },
  {
    name: 'eastasia',
    displayName: 'East Asia',
    geography: 'Asia Pacific',
    paired: 'southeastasia',
    latitude: '22.267',
    longitude: '114.188',
  },
];

export function findRegion(name: string): RegionInfo | undefined {
  const n = name.replace(/\s+/g, '').toLowerCase();
  return REGIONS.find((r) => r.name === n);
}
